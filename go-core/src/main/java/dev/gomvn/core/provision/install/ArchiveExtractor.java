package dev.gomvn.core.provision.install;

import dev.gomvn.core.EnvironmentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a Go distribution ({@code .tar.gz} or {@code .zip}; another tarball format with its
 * {@link TarCompression}) whose entries all sit under one top
 * directory ({@code go/}, or the module prefix of a toolchain module zip; see {@link ArchiveLayout}),
 * stripping that directory so {@code destination/bin/go} exists.
 *
 * <p>The archive is untrusted input even after its digest matched (a digest only proves it is the
 * file the index named), so every entry must stay inside the destination: absolute names, {@code ..}
 * segments, entries outside the top directory and links leading outside are refused, and the
 * destination is removed again so a refused archive leaves nothing behind. Symbolic links are created
 * after all files, so no file is ever written through a link, and are then checked in their final
 * state so chains of links cannot escape either.
 */
public final class ArchiveExtractor {

    private static final int BUFFER_SIZE = 1 << 17;
    /** Names the go command makes executable in a toolchain module (its {@code allowExec} patterns). */
    private static final Pattern EXEC_WRAPPER = Pattern.compile("go_.+_.+_exec");
    /** Several times the largest Go SDK (about 300 MB extracted): more is a decompression bomb, not Go. */
    static final long MAX_EXTRACTED_BYTES = 2L << 30;

    private final long maxExtractedBytes;

    public ArchiveExtractor() {
        this(MAX_EXTRACTED_BYTES);
    }

    ArchiveExtractor(long maxExtractedBytes) {
        this.maxExtractedBytes = maxExtractedBytes;
    }

    /**
     * Extracts {@code archive} into {@code destination}, which must be absent or empty. On any failure
     * the destination is deleted, so callers never see a partial tree.
     *
     * @throws ArchiveContentException if an entry is unsafe (escapes the destination or the top directory)
     * @throws EnvironmentException if the archive cannot be read or the destination written
     */
    public void extract(Path archive, Path destination) {
        extract(archive, destination, ArchiveLayout.GO_DISTRIBUTION);
    }

    /** As {@link #extract(Path, Path)}, for a distribution laid out as {@code layout} says. */
    public void extract(Path archive, Path destination, ArchiveLayout layout) {
        extract(archive, destination, layout, TarCompression.GZIP);
    }

    /** As {@link #extract(Path, Path, ArchiveLayout)}, reading a tarball compressed as {@code compression} says. */
    public void extract(Path archive, Path destination, ArchiveLayout layout, TarCompression compression) {
        String fileName = archive.getFileName().toString();
        boolean zip = fileName.endsWith(".zip");
        if (!zip && !compression.reads(fileName)) {
            throw new EnvironmentException("Cannot extract " + archive + ": only "
                    + String.join(", ", compression.suffixes()) + " and .zip archives are supported.");
        }
        Path root = prepareDestination(destination);
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        boolean done = false;
        try (ParallelFileWriter files = new ParallelFileWriter(posix)) {
            Extraction extraction = new Extraction(archive, root, files, layout, maxExtractedBytes);
            if (zip) {
                extraction.unzip();
            } else {
                extraction.untar(compression);
            }
            files.awaitAll();
            extraction.createDeferredLinks();
            done = true;
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveContentException(
                    "The archive " + archive + " is unsafe: it holds '" + root.relativize(Path.of(e.getFile()))
                            + "' twice. Nothing was installed; check where the archive came from.");
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Extracting " + archive + " into " + destination + " failed: " + e
                            + ". The archive may be truncated or the disk full; nothing was installed.",
                    e);
        } finally {
            if (!done) {
                FileTrees.deleteQuietly(destination);
            }
        }
    }

    private static Path prepareDestination(Path destination) {
        try {
            Files.createDirectories(destination);
            try (var children = Files.list(destination)) {
                if (children.findAny().isPresent()) {
                    throw new EnvironmentException("Cannot extract into " + destination
                            + " because it is not empty; extraction needs an empty directory.");
                }
            }
            return destination.toRealPath();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot create the directory " + destination + ": " + e + ".", e);
        }
    }

    /** Unix absolute, or a Windows drive path, which would escape on the machine that runs the build. */
    static boolean isAbsolute(String name) {
        String normalized = name.replace('\\', '/');
        return normalized.startsWith("/") || (normalized.length() > 1 && normalized.charAt(1) == ':');
    }

    static ArchiveContentException unsafe(Path archive, String entryName, String reason) {
        return new ArchiveContentException("The archive " + archive + " is unsafe: its entry '" + entryName + "' "
                + reason + ". Nothing was installed; check where the archive came from.");
    }

    private static String stripSlashes(String name) {
        String result = name;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** State of one extraction run: which paths exist and which links wait for the end. */
    private static final class Extraction {
        private final Path archive;
        private final Path root;
        private final Set<Path> createdDirectories = new HashSet<>();
        private final DeferredLinks deferredLinks;
        private final ParallelFileWriter files;
        private final ArchiveLayout layout;
        private final long maxExtractedBytes;
        private long extractedBytes;

        Extraction(Path archive, Path root, ParallelFileWriter files, ArchiveLayout layout, long maxExtractedBytes) {
            this.archive = archive;
            this.root = root;
            this.files = files;
            this.layout = layout;
            this.maxExtractedBytes = maxExtractedBytes;
            this.deferredLinks = new DeferredLinks(archive, root);
            createdDirectories.add(root);
        }

        void untar(TarCompression compression) throws IOException {
            try (InputStream file = Files.newInputStream(archive);
                    var tar = new TarArchiveInputStream(new ReadAheadInputStream(
                            compression.decompressor().open(new BufferedInputStream(file, BUFFER_SIZE))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    extractTarEntry(entry, tar);
                }
            }
        }

        private void extractTarEntry(TarArchiveEntry entry, InputStream content) throws IOException {
            String name = entry.getName();
            String relative = relativeName(name);
            if (relative.isEmpty()) {
                return;
            }
            Path target = inside(name, relative);
            if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                throw unsafe(name, "is a device or FIFO, which a Go SDK never contains");
            }
            if (entry.isSparse()) {
                // Sparse entries need the archive's hole map to be restored; a Go SDK never has one.
                throw unsafe(name, "is a sparse file, which a Go SDK never contains");
            }
            if (entry.isDirectory()) {
                ensureDirectory(target);
            } else if (entry.isSymbolicLink()) {
                deferredLinks.add(name, target, entry.getLinkName());
            } else if (entry.isLink()) {
                copyHardLink(name, target, entry.getLinkName(), entry.getMode());
            } else if (entry.isFile()) {
                writeFile(target, content, entry.getSize(), entry.getMode());
            } else {
                throw unsafe(name, "is a device, FIFO or other special file, which a Go SDK never contains");
            }
        }

        void unzip() throws IOException {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
                while (entries.hasMoreElements()) {
                    ZipArchiveEntry entry = entries.nextElement();
                    String name = entry.getName();
                    String relative = relativeName(name);
                    if (relative.isEmpty()) {
                        continue;
                    }
                    if (layout.moduleZip()) {
                        relative = restoredGoMod(relative);
                    }
                    Path target = inside(name, relative);
                    if (entry.isDirectory()) {
                        ensureDirectory(target);
                    } else if (layout.moduleZip() && entry.isUnixSymlink()) {
                        throw unsafe(name, "is a symbolic link, which a module zip never holds");
                    } else if (entry.isUnixSymlink()) {
                        deferredLinks.add(name, target, zip.getUnixSymlink(entry));
                    } else {
                        try (InputStream content = zip.getInputStream(entry)) {
                            writeFile(target, content, entry.getSize(), zipMode(entry, relative));
                        }
                    }
                }
            }
        }

        /** Zips made on Windows and module zips carry no Unix modes; the Go tools must still be runnable. */
        private int zipMode(ZipArchiveEntry entry, String relative) {
            if (!layout.moduleZip()
                    && entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
                    && entry.getUnixMode() != 0) {
                return entry.getUnixMode();
            }
            String fileName = relative.substring(relative.lastIndexOf('/') + 1);
            boolean tool = relative.startsWith("bin/")
                    || relative.startsWith("pkg/tool/")
                    || EXEC_WRAPPER.matcher(fileName).matches();
            return tool ? 0755 : 0644;
        }

        /** A module zip cannot nest modules, so the toolchain's go.mod files travel as _go.mod. */
        private static String restoredGoMod(String relative) {
            if (relative.equals("_go.mod")) {
                return "go.mod";
            }
            return relative.endsWith("/_go.mod")
                    ? relative.substring(0, relative.length() - "_go.mod".length()) + "go.mod"
                    : relative;
        }

        /** The entry name below the top directory, after refusing every name that could leave it. */
        private String relativeName(String name) {
            String normalized = name.replace('\\', '/');
            String refusal = refusalReason(normalized);
            if (refusal != null) {
                throw unsafe(name, refusal);
            }
            return stripSlashes(normalized).equals(layout.topDirectory())
                    ? ""
                    : stripSlashes(normalized.substring(layout.topDirectory().length() + 1));
        }

        /** Why a path named in the archive cannot be extracted, or null if it is safe. */
        private String refusalReason(String normalized) {
            if (isAbsolute(normalized)) {
                return "has an absolute path";
            }
            for (String segment : normalized.split("/")) {
                if (segment.equals("..")) {
                    return "contains '..' and would escape the installation directory";
                }
            }
            String prefix = layout.topDirectory() + "/";
            if (!normalized.startsWith(prefix) && !stripSlashes(normalized).equals(layout.topDirectory())) {
                return "is not under the top directory '" + prefix + "' that every entry must share";
            }
            return null;
        }

        private Path inside(String name, String relative) {
            Path target = root.resolve(relative).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw unsafe(name, "resolves outside the installation directory");
            }
            return target;
        }

        private void ensureDirectory(Path directory) throws IOException {
            if (createdDirectories.add(directory)) {
                ensureDirectory(directory.getParent());
                if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(directory);
                }
            }
        }

        private void writeFile(Path target, InputStream content, long size, int mode) throws IOException {
            ensureDirectory(target.getParent());
            if (size > maxExtractedBytes - extractedBytes) {
                throw tooLarge();
            }
            files.write(target, new CountingInput(content), size, mode);
        }

        private ArchiveContentException tooLarge() {
            return new ArchiveContentException("The archive " + archive + " is unsafe: it extracts to more than "
                    + maxExtractedBytes / (1 << 20) + " MB, several times any Go SDK. Nothing was installed; "
                    + "check where the archive came from.");
        }

        /** Counts what really comes out of the archive: declared sizes (zip) can lie. */
        private final class CountingInput extends java.io.FilterInputStream {
            CountingInput(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                count(Math.max(read, 0));
                return read;
            }

            private void count(int bytes) {
                extractedBytes += bytes;
                if (extractedBytes > maxExtractedBytes) {
                    throw tooLarge();
                }
            }
        }

        private void copyHardLink(String name, Path target, String linkName, int mode) throws IOException {
            String refusal = refusalReason(linkName.replace('\\', '/'));
            if (refusal != null) {
                throw unsafe(name, "is a hard link to '" + linkName + "', which " + refusal);
            }
            Path source = root.resolve(relativeName(linkName)).normalize();
            files.awaitAll();
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw unsafe(
                        name,
                        "is a hard link to '" + linkName
                                + "', which is not a file extracted earlier from this archive");
            }
            // A copy instead of a real link keeps the SDK on file systems without hard links.
            try (InputStream content = new BufferedInputStream(Files.newInputStream(source), BUFFER_SIZE)) {
                writeFile(target, content, Files.size(source), mode);
            }
        }

        void createDeferredLinks() throws IOException {
            deferredLinks.createAll(this::ensureDirectory);
        }

        private ArchiveContentException unsafe(String entryName, String reason) {
            return ArchiveExtractor.unsafe(archive, entryName, reason);
        }
    }
}
