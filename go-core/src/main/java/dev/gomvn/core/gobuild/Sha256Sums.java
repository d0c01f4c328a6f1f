package dev.gomvn.core.gobuild;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A {@code SHA256SUMS} file in the format {@code sha256sum -c} reads: {@code <hex>  <relative path>}. */
public final class Sha256Sums {
    private Sha256Sums() {}

    /** Writes the digests of {@code files} (keyed by path) with paths relative to the file's own directory. */
    public static void write(Path sumsFile, Map<Path, String> sha256ByFile) {
        Path base = sumsFile.toAbsolutePath().getParent();
        Map<String, String> sha256ByName = new TreeMap<>();
        sha256ByFile.forEach((file, sha) -> sha256ByName.put(
                base.relativize(file.toAbsolutePath()).toString().replace('\\', '/'), sha));
        writeNames(sumsFile, sha256ByName);
    }

    /** Writes the digests keyed by the names {@code sha256sum -c} will look for, sorted by name. */
    public static void writeNames(Path sumsFile, Map<String, String> sha256ByName) {
        Path base = sumsFile.toAbsolutePath().getParent();
        StringBuilder content = new StringBuilder();
        new TreeMap<>(sha256ByName)
                .forEach((name, sha) ->
                        content.append(sha).append("  ").append(name).append('\n'));
        try {
            Files.createDirectories(base);
            AtomicFiles.write(sumsFile, content.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + sumsFile + ": " + e.getMessage(), e);
        }
    }
}
