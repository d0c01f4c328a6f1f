package dev.gomvn.core.provision.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a background thread, a bounded number of chunks ahead. Wrapped around a
 * decompressor, it lets decompression run on one core while the caller parses and writes on another.
 */
final class ReadAheadInputStream extends InputStream {

    private static final int CHUNK_SIZE = 1 << 18;
    private static final int CHUNKS_AHEAD = 16;
    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private record Chunk(byte[] bytes, int length, IOException failure) {}

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private Chunk current = new Chunk(new byte[0], 0, null);
    private int position;
    private boolean ended;

    ReadAheadInputStream(InputStream source) {
        reader = new Thread(() -> readAll(source), "gomvn-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(InputStream source) {
        try (source) {
            while (true) {
                byte[] bytes = new byte[CHUNK_SIZE];
                int length = source.readNBytes(bytes, 0, CHUNK_SIZE);
                if (length == 0) {
                    break;
                }
                chunks.put(new Chunk(bytes, length, null));
            }
            chunks.put(END);
        } catch (IOException e) {
            offerFailure(e);
        } catch (InterruptedException e) {
            // The consumer closed the stream; nobody reads what is left.
        }
    }

    private void offerFailure(IOException failure) {
        try {
            chunks.put(new Chunk(new byte[0], 0, failure));
        } catch (InterruptedException ignored) {
            // The consumer closed the stream; nobody is left to report the failure to.
        }
    }

    /** Moves to the next chunk if the current one is used up; false at the end of the stream. */
    private boolean nextChunkIfNeeded() throws IOException {
        while (!ended && position == current.length()) {
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading the archive.");
            }
            position = 0;
            if (current.failure() != null) {
                throw current.failure();
            }
            ended = current == END;
        }
        return !ended;
    }

    @Override
    public int read() throws IOException {
        return nextChunkIfNeeded() ? current.bytes()[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!nextChunkIfNeeded()) {
            return -1;
        }
        int count = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() {
        reader.interrupt();
        chunks.clear();
        current = END;
        ended = true;
    }
}
