package dev.gomvn.core.gobuild;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A digest of everything a target's binary depends on outside the module cache and GOROOT: every file
 * of the module and of the other directories go build reads ({@link BuildInputs}: replacements,
 * workspace modules; not logs, IDE files or the build directory) by path, size and modification time,
 * the contents of single input files (go.work, go.work.sum, the GOENV file, overlays), plus the build
 * settings. Equal fingerprints mean the previous binary is still right, so the link and the
 * verification are skipped. Go's build cache already avoids recompiling; this avoids even starting go.
 */
public final class InputFingerprint {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", ".idea", "node_modules");

    private InputFingerprint() {}

    /** Logs and IDE files change on every run but no Go build reads them. */
    static boolean isNeverAnInput(String fileName) {
        return fileName.endsWith(".log") || fileName.endsWith(".iml") || fileName.equals(".DS_Store");
    }

    /**
     * @param inputs   the directories and files go build reads; the first directory is the module
     * @param excluded directories inside those that are outputs, not inputs (the Maven target directory)
     * @param settings everything else that shapes the binary: toolchain, target, flags, environment
     */
    public static String of(BuildInputs inputs, List<Path> excluded, String settings) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(settings.getBytes(StandardCharsets.UTF_8));
        List<String> entries = new ArrayList<>();
        List<Path> outputs =
                excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Path module = inputs.directories().get(0);
        for (Path directory : inputs.directories()) {
            // The module's own files by relative path, so a moved checkout is still up to date.
            String prefix = directory.equals(module) ? "" : directory + "\0";
            if (Files.isDirectory(directory)) {
                walk(
                        directory,
                        outputs,
                        (file, attributes) -> entries.add(prefix + directory.relativize(file) + "\0" + attributes.size()
                                + "\0" + attributes.lastModifiedTime().toMillis()));
            } else {
                entries.add(directory + "\0missing directory");
            }
        }
        for (Path file : inputs.files()) {
            entries.add(file + "\0" + contentDigest(file));
        }
        entries.sort(null);
        for (String entry : entries) {
            digest.update(entry.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void walk(
            Path root, List<Path> outputs, java.util.function.BiConsumer<Path, BasicFileAttributes> visitor) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    Path normalized = dir.toAbsolutePath().normalize();
                    boolean skipped = !dir.equals(root)
                            && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                                    || outputs.contains(normalized));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!isNeverAnInput(file.getFileName().toString())) {
                        visitor.accept(file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException("Could not read the sources in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Small settings files: their content counts, not their time stamp; a missing file counts as missing. */
    private static String contentDigest(Path file) {
        try {
            return Files.isRegularFile(file) ? Sha256.of(file) : "missing";
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
