package dev.gomvn.core.provision.install;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a Go distribution ({@code .tar.gz} or {@code .zip}, every entry under {@code go/}) into a
 * directory, dropping that top directory. Execute bits are kept. Entries that would land outside the
 * destination (absolute paths, {@code ..}, links pointing out) are refused, and links are created
 * only after every file is written so nothing is ever written through one. Callers extract into a
 * temporary directory, so a refused archive installs nothing.
 */
public final class ArchiveExtractor {
    private static final int BUFFER = 256 * 1024;
    private static final String TOP = "go/";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private ArchiveExtractor() {}

    public static void extract(Path archive, Path destination) {
        String name = archive.getFileName().toString();
        try {
            Files.createDirectories(destination);
            if (name.endsWith(".zip")) {
                extractZip(archive, destination);
            } else {
                extractTarGz(archive, destination);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not extract " + archive + " into " + destination + ": " + e.getMessage()
                    + "; check free disk space.", e);
        }
    }

    private static void extractTarGz(Path archive, Path destination) throws IOException {
        List<TarArchiveEntry> links = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive);
                InputStream gzip = new GZIPInputStream(new BufferedInputStream(file, BUFFER), BUFFER);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = resolve(archive, destination, entry.getName());
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    // Links are created after all files, once their targets can be checked to exist inside.
                    links.add(entry);
                } else if (entry.isFile()) {
                    write(tar, target);
                    setMode(target, entry.getMode());
                }
            }
        }
        for (TarArchiveEntry link : links) {
            createLink(archive, destination, link);
        }
    }

    private static void extractZip(Path archive, Path destination) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file, BUFFER))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = resolve(archive, destination, entry.getName());
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    write(zip, target);
                    String relative = destination.relativize(target).toString().replace('\\', '/');
                    // Zips carry no Unix modes; the go command marks its tools executable the same way.
                    if (relative.startsWith("bin/") || relative.startsWith("pkg/tool/")) {
                        setMode(target, 0755);
                    }
                }
            }
        }
    }

    /** Where an entry goes, or null for the top directory itself; refuses anything that escapes. */
    private static Path resolve(Path archive, Path destination, String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(archive, entryName, "has an absolute path");
        }
        if (name.equals("go") || name.equals(TOP)) {
            return null;
        }
        if (!name.startsWith(TOP)) {
            throw unsafe(archive, entryName, "is not under the go/ directory every Go distribution uses");
        }
        Path target = destination.resolve(name.substring(TOP.length())).normalize();
        if (!target.startsWith(destination)) {
            throw unsafe(archive, entryName, "points outside the install directory");
        }
        return target;
    }

    private static void createLink(Path archive, Path destination, TarArchiveEntry entry) throws IOException {
        Path link = resolve(archive, destination, entry.getName());
        if (link == null) {
            return;
        }
        String linkName = entry.getLinkName().replace('\\', '/');
        Path target;
        if (entry.isSymbolicLink()) {
            if (linkName.startsWith("/")) {
                throw unsafe(archive, entry.getName(), "is a symlink to the absolute path " + linkName);
            }
            target = link.getParent().resolve(linkName).normalize();
        } else {
            // Hard link names are archive paths, like entry names.
            target = linkName.startsWith(TOP) ? destination.resolve(linkName.substring(TOP.length())).normalize() : null;
        }
        if (target == null || !target.startsWith(destination)) {
            throw unsafe(archive, entry.getName(), "is a link to " + linkName + ", outside the install directory");
        }
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } else {
            Files.copy(target, link, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void write(InputStream in, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(file, permissions);
    }

    private static VerificationException unsafe(Path archive, String entry, String reason) {
        return new VerificationException("Refusing " + archive.getFileName() + ": its entry '" + entry + "' " + reason
                + ". The archive is unsafe or not a Go distribution; nothing was installed.");
    }
}
