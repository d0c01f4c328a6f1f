package dev.gomvn.image;

import dev.gomvn.core.Sha256;
import dev.gomvn.core.gobuild.Sha256Sums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A go:build output directory with SHA256SUMS, holding small files with the ELF header of each target's machine. */
final class FakeBinaries {
    private FakeBinaries() {}

    /** @param binaries {@code linux_arm_7/manager} style paths */
    static Path write(Path outputDirectory, String... binaries) {
        Map<Path, String> sums = new LinkedHashMap<>();
        try {
            for (String binary : binaries) {
                Path file = outputDirectory.resolve(binary);
                Files.createDirectories(file.getParent());
                String directory = binary.substring(0, binary.indexOf('/'));
                Files.write(file, elf(directory.split("_")[1], binary));
                sums.put(file, Sha256.of(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sha256Sums.write(outputDirectory.resolve("SHA256SUMS"), sums);
        return outputDirectory;
    }

    /** An ELF header for the architecture, then the text, so that each binary's bytes differ. */
    static byte[] elf(String goarch, String text) {
        int machine = switch (goarch) {
            case "amd64" -> 62;
            case "arm64" -> 183;
            case "arm" -> 40;
            case "386" -> 3;
            default -> 243;
        };
        boolean is64 = !goarch.equals("arm") && !goarch.equals("386");
        ByteBuffer buffer = ByteBuffer.allocate(64 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1, 0});
        buffer.position(0x10);
        buffer.putShort((short) 2);
        buffer.putShort((short) machine);
        buffer.position(64);
        buffer.put(text.getBytes(StandardCharsets.UTF_8));
        return buffer.array();
    }
}
