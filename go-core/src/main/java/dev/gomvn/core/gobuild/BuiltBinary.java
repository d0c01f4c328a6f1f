package dev.gomvn.core.gobuild;

import java.nio.file.Path;
import java.time.Duration;

/** One binary of one target, as built (or found up to date) and verified. */
public record BuiltBinary(
        BuildTarget target, String packagePath, Path file, String sha256, long size, Duration time, boolean upToDate) {

    /** For the build summary: {@code linux/amd64 manager 5.1 MB sha256:1a2b3c4d5e6f 2.3 s}. */
    public String summary() {
        String when =
                upToDate ? "up to date" : String.format(java.util.Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
        return String.format(
                java.util.Locale.ROOT,
                "%-20s %-24s %6.1f MB  sha256:%s  %s",
                target,
                file.getFileName(),
                size / 1_048_576.0,
                sha256.substring(0, 12),
                when);
    }
}
