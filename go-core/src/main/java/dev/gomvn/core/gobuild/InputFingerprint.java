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
 * A digest of everything a target's binary depends on: every file of the module (sources, go.mod,
 * go.sum, embedded files; not logs, IDE files or the build directory) by path, size and
 * modification time, plus the build settings. Equal
 * fingerprints mean the previous binary is still right, so the link and the verification are
 * skipped. Go's build cache already avoids recompiling; this avoids even starting go.
 */
public final class InputFingerprint {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", ".idea", "node_modules");

    private InputFingerprint() {}

    /** Logs and IDE files change on every run but no Go build reads them. */
    static boolean isNeverAnInput(String fileName) {
        return fileName.endsWith(".log") || fileName.endsWith(".iml") || fileName.equals(".DS_Store");
    }

    /**
     * @param excluded directories inside the module that are outputs, not inputs (the Maven target directory)
     * @param settings everything else that shapes the binary: toolchain, target, flags, environment
     */
    public static String of(Path moduleDirectory, List<Path> excluded, String settings) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(settings.getBytes(StandardCharsets.UTF_8));
        List<String> entries = new ArrayList<>();
        List<Path> outputs =
                excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try {
            Files.walkFileTree(moduleDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    Path normalized = dir.toAbsolutePath().normalize();
                    boolean skipped = !dir.equals(moduleDirectory)
                            && (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                                    || outputs.contains(normalized));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (isNeverAnInput(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    entries.add(moduleDirectory.relativize(file) + "\0" + attributes.size() + "\0"
                            + attributes.lastModifiedTime().toMillis());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not read the sources in " + moduleDirectory + ": " + e.getMessage(), e);
        }
        entries.sort(null);
        for (String entry : entries) {
            digest.update(entry.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
