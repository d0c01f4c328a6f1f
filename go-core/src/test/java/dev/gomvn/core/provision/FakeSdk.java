package dev.gomvn.core.provision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Small go.dev-shaped SDK archives for tests: {@code go/bin/go} is a shell script that answers
 * {@code go version} like the real one, so provisioning can be tested end to end in milliseconds.
 */
final class FakeSdk {
    private FakeSdk() {}

    static Path archive(Path directory, String version, String goos, String goarch) throws IOException {
        Path file = directory.resolve(version + "." + goos + "-" + goarch + ".tar.gz");
        try (TarArchiveOutputStream tar = open(file)) {
            directory(tar, "go/");
            directory(tar, "go/bin/");
            file(
                    tar,
                    "go/bin/go",
                    0755,
                    "#!/bin/sh\necho \"go version " + version + " " + goos + "/" + goarch + "\"\n");
            file(tar, "go/VERSION", 0644, version + "\ntime 2024-07-02T00:00:00Z\n");
            directory(tar, "go/src/");
            file(tar, "go/src/hello.go", 0644, "package hello\n");
            symlink(tar, "go/bin/golink", "go");
        }
        return file;
    }

    /** An archive shaped like an SDK whose {@code bin/go} runs {@code script}; none when it is null. */
    static Path archiveWithGo(Path directory, String version, String script) throws IOException {
        Path file = directory.resolve(version + ".linux-amd64.tar.gz");
        try (TarArchiveOutputStream tar = open(file)) {
            directory(tar, "go/");
            directory(tar, "go/bin/");
            if (script != null) {
                file(tar, "go/bin/go", 0755, "#!/bin/sh\n" + script + "\n");
            }
            file(tar, "go/VERSION", 0644, version + "\n");
        }
        return file;
    }

    static TarArchiveOutputStream open(Path file) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        return tar;
    }

    static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0755 | 040000);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode | 0100000);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    static void symlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    static void hardlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
