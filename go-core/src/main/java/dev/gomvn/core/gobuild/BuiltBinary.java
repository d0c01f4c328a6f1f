package dev.gomvn.core.gobuild;

import dev.gomvn.core.HumanReadable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One binary of one target, as built (or found up to date) and verified.
 *
 * @param sbom the CycloneDX SBOM written beside it, if SBOMs were asked for and the binary has readable build info
 */
public record BuiltBinary(
        BuildTarget target,
        String packagePath,
        Path file,
        String sha256,
        long size,
        Duration time,
        boolean upToDate,
        Optional<Sbom> sbom) {

    /** An SBOM file and its SHA-256, for SHA256SUMS and the published checksum list. */
    public record Sbom(Path file, String sha256) {}

    /**
     * For the build summary, the target's last line: {@code linux/amd64 manager 5.1 MiB sha256:1a2b3c4d5e6f
     * 2 min 3 s}, the time being go build's and the verification's.
     */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%-20s %-24s %10s  sha256:%s  %s",
                target,
                file.getFileName(),
                HumanReadable.size(size),
                sha256.substring(0, 12),
                upToDate ? "up to date" : HumanReadable.duration(time));
    }
}
