package dev.gomvn.cgo.zig;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Miniature Zig downloads, laid out as ziglang.org's: {@code zig-<arch>-<os>-<version>/zig} and {@code lib/}. */
final class FakeZig {
    static final String SCRIPT = "#!/bin/sh\necho 0.17.1\n";

    private FakeZig() {}

    /** {@code zig-x86_64-linux-<version>.tar.xz} in {@code directory}, with {@code executable} as its zig (or none). */
    static Path tarXz(Path directory, String version, String executable) throws IOException {
        String top = "zig-x86_64-linux-" + version + "/";
        Path archive = directory.resolve("zig-x86_64-linux-" + version + ".tar.xz");
        Files.createDirectories(directory);
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(file, new LZMA2Options()))) {
            if (executable != null) {
                add(tar, top + executable, SCRIPT, 0755);
            }
            add(tar, top + "lib/x", "the C library headers and sources zig cc compiles against\n", 0644);
        }
        return archive;
    }

    /** {@code zig-x86_64-windows-<version>.zip}; Unix modes are set so the test passes on a POSIX build machine. */
    static Path windowsZip(Path directory, String version) throws IOException {
        String top = "zig-x86_64-windows-" + version + "/";
        Path archive = directory.resolve("zig-x86_64-windows-" + version + ".zip");
        Files.createDirectories(directory);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            for (String[] entry : new String[][] {{top + "zig.exe", "MZ"}, {top + "lib/x", "lib"}}) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry[0]);
                zipEntry.setUnixMode(0100755);
                zip.putArchiveEntry(zipEntry);
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return archive;
    }

    private static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0100000 | mode);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
