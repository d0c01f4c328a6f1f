package dev.gomvn.core.provision.install;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbolic links of one archive, created only after all of its files so that no file is ever written through a
 * link, and each checked, step by step as the OS would follow it, to stay inside the destination: before it is
 * created and again once all exist, since a chain of links that each looked safe may lead outside.
 */
final class DeferredLinks {
    private static final int MAX_LINK_DEPTH = 40;

    /** Creates the directories a link is made in, as the extraction creates those of its files. */
    @FunctionalInterface
    interface Directories {
        void ensure(Path directory) throws IOException;
    }

    private final Path archive;
    private final Path root;
    private final List<DeferredLink> links = new ArrayList<>();

    DeferredLinks(Path archive, Path root) {
        this.archive = archive;
        this.root = root;
    }

    void add(String entryName, Path path, String target) {
        links.add(new DeferredLink(entryName, path, target));
    }

    void createAll(Directories directories) throws IOException {
        for (DeferredLink link : links) {
            requireNoLinkAbove(link);
            if (ArchiveExtractor.isAbsolute(link.target())) {
                throw unsafe(link.entryName(), "is a symbolic link to the absolute path '" + link.target() + "'");
            }
            resolveInside(link, link.path().getParent(), link.target(), 0);
            directories.ensure(link.path().getParent());
            try {
                Files.createSymbolicLink(
                        link.path(), link.path().getFileSystem().getPath(link.target()));
            } catch (FileAlreadyExistsException e) {
                throw unsafe(link.entryName(), "appears twice in the archive");
            }
        }
        // Checked again once all exist: a link that looked safe may lead outside through a later one.
        for (DeferredLink link : links) {
            resolveInside(link, link.path().getParent(), link.target(), 0);
        }
    }

    private void requireNoLinkAbove(DeferredLink link) {
        for (Path parent = link.path().getParent(); !parent.equals(root); parent = parent.getParent()) {
            if (Files.isSymbolicLink(parent)) {
                throw unsafe(link.entryName(), "would be created through the symbolic link " + root.relativize(parent));
            }
        }
    }

    /**
     * Follows {@code target} from {@code start} one segment at a time, like the OS would, and
     * refuses the link as soon as a step leaves the destination.
     */
    private Path resolveInside(DeferredLink link, Path start, String target, int depth) throws IOException {
        if (depth > MAX_LINK_DEPTH) {
            throw unsafe(link.entryName(), "is part of a cycle of symbolic links");
        }
        Path current = start;
        for (String segment : target.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            current = segment.equals("..") ? current.getParent() : current.resolve(segment);
            if (current == null || !current.startsWith(root)) {
                throw unsafe(
                        link.entryName(),
                        "is a symbolic link to '" + link.target()
                                + "', which points outside the installation directory");
            }
            if (Files.isSymbolicLink(current)) {
                String next = Files.readSymbolicLink(current).toString();
                if (ArchiveExtractor.isAbsolute(next)) {
                    throw unsafe(link.entryName(), "leads through a symbolic link to an absolute path");
                }
                current = resolveInside(link, current.getParent(), next, depth + 1);
            }
        }
        return current;
    }

    private ArchiveContentException unsafe(String entryName, String reason) {
        return ArchiveExtractor.unsafe(archive, entryName, reason);
    }

    private record DeferredLink(String entryName, Path path, String target) {}
}
