package dev.gomvn.core.provision.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds small Go-like archives, including hostile ones, for the tests. */
public final class TestArchives {
    private TestArchives() {}

    static final String GO_SCRIPT = "#!/bin/sh\necho go version go1.22.5 linux/amd64\n";

    /** A miniature linux distribution: executables, a plain file, an internal symlink. */
    static Path goTarGz(Path directory) throws IOException {
        return new Tar()
                .directory("go/")
                .file("go/VERSION", "go1.22.5\ntime 2024-06-27T20:11:12Z\n", 0644)
                .file("go/bin/go", GO_SCRIPT, 0755)
                .file("go/bin/gofmt", GO_SCRIPT, 0755)
                .file("go/pkg/tool/linux_amd64/compile", "compile", 0755)
                .file("go/src/fmt/print.go", "package fmt\n", 0644)
                .symlink("go/misc/VERSION.link", "../VERSION")
                .writeTo(directory.resolve("go1.22.5.linux-amd64.tar.gz"));
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readAllBytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entries are written exactly as given, so tests can produce names no honest tool would. */
    public static final class Tar {
        private final List<TarArchiveEntry> entries = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();

        public Tar directory(String name) {
            return add(new TarArchiveEntry(name, TarConstants.LF_DIR, true), new byte[0]);
        }

        public Tar file(String name, String content, int mode) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setMode(0100000 | mode);
            entry.setSize(bytes.length);
            return add(entry, bytes);
        }

        Tar symlink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            entry.setLinkName(target);
            return add(entry, new byte[0]);
        }

        Tar hardLink(String name, String target) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            entry.setLinkName(target);
            return add(entry, new byte[0]);
        }

        /** A device, FIFO or other special entry: {@code type} is its tar type flag. */
        Tar special(String name, byte type) {
            return add(new TarArchiveEntry(name, type, true), new byte[0]);
        }

        /** An old-GNU sparse file ('S'), as GNU tar --sparse writes one. */
        Tar sparse(String name) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_GNUTYPE_SPARSE, true);
            entry.setMode(0100644);
            entry.setSize(4);
            return add(entry, "data".getBytes(StandardCharsets.UTF_8));
        }

        private Tar add(TarArchiveEntry entry, byte[] content) {
            entries.add(entry);
            contents.add(content);
            return this;
        }

        public Path writeTo(Path archive) throws IOException {
            try (OutputStream file = Files.newOutputStream(archive);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (int i = 0; i < entries.size(); i++) {
                    tar.putArchiveEntry(entries.get(i));
                    tar.write(contents.get(i));
                    tar.closeArchiveEntry();
                }
            }
            return archive;
        }
    }

    /** Zip entries without Unix modes, as go.dev's Windows archives have them. */
    static final class Zip {
        private final List<ZipArchiveEntry> entries = new ArrayList<>();
        private final List<byte[]> contents = new ArrayList<>();

        Zip file(String name, String content) {
            entries.add(new ZipArchiveEntry(name));
            contents.add(content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Zip unixSymlink(String name, String target) {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setUnixMode(0120777);
            entries.add(entry);
            contents.add(target.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Path writeTo(Path archive) throws IOException {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
                for (int i = 0; i < entries.size(); i++) {
                    zip.putArchiveEntry(entries.get(i));
                    zip.write(contents.get(i));
                    zip.closeArchiveEntry();
                }
            }
            return archive;
        }
    }
}
