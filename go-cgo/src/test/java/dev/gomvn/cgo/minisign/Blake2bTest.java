package dev.gomvn.cgo.minisign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Blake2bTest {

    @Test
    void abcIsRfc7693sAppendixAVector() {
        assertThat(hex(Blake2b.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void theEmptyInputIsOneFinalBlockOfZeros() {
        assertThat(hex(Blake2b.hash(new byte[0])))
                .isEqualTo("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                        + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
    }

    /** The value is Python's hashlib.blake2b(bytes(range(256)) * 5): 10 blocks, the last one full. */
    @Test
    void manyBlocksFedInUnevenPiecesHashAsOne() {
        byte[] data = new byte[1280];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Blake2b pieces = new Blake2b();
        int[] sizes = {1, 127, 128, 129, 0, 300, 595};
        int offset = 0;
        for (int size : sizes) {
            pieces.update(data, offset, size);
            offset += size;
        }

        String expected = "a86b784c748f990b998e6d30d71e20cc95228d2b08dd85e29f63e4de8d8839bd"
                + "f935f4291537af5014fe44c0b578a073e4c9217c7b05542d0c450784c30bac8a";
        assertThat(offset).isEqualTo(data.length);
        assertThat(hex(pieces.digest())).isEqualTo(expected);
        assertThat(hex(Blake2b.hash(data))).isEqualTo(expected);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
