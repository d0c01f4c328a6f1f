package dev.gomvn.core.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadAheadInputStreamTest {

    @Test
    void deliversEveryByteInOrder() throws IOException {
        byte[] data = new byte[3_000_000];
        new Random(42).nextBytes(data);

        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data))) {
            assertThat(in.read()).isEqualTo(data[0] & 0xff);
            byte[] rest = in.readAllBytes();
            assertThat(rest).hasSize(data.length - 1);
            assertThat(rest[rest.length - 1]).isEqualTo(data[data.length - 1]);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void reportsTheSourceFailureAfterTheBytesBeforeIt() throws IOException {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(new byte[10]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new EOFException("Unexpected end of ZLIB input stream");
            }
        });

        try (InputStream in = new ReadAheadInputStream(failing)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(EOFException.class)
                    .hasMessage("Unexpected end of ZLIB input stream");
        }
    }

    @Test
    void closingEarlyStopsTheReaderThread() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        InputStream in = new ReadAheadInputStream(endless);
        assertThat(in.read()).isZero();

        in.close();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (readerThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(readerThreadAlive()).isFalse();
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("gomvn-read-ahead") && thread.isAlive());
    }
}
