package dev.gomvn.core.gobuild;

import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.RuntimeNeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One binary of one target, as built (or found up to date) and verified.
 *
 * @param sbom the CycloneDX SBOM written beside it, if SBOMs were asked for and the binary has readable build info
 * @param runtimeNeeds what a cgo binary needs at run time, checked against its target's floor; empty without cgo
 * @param buildInfo its build info as the verification read it ({@code go version -m}), so no one reads it again; empty
 *     when it was not read (an up-to-date binary, verification off)
 */
public record BuiltBinary(
        BuildTarget target,
        String packagePath,
        Path file,
        String sha256,
        long size,
        Duration time,
        boolean upToDate,
        Optional<Sbom> sbom,
        Optional<RuntimeNeeds> runtimeNeeds,
        Optional<GoBuildInfo> buildInfo) {

    public BuiltBinary(
            BuildTarget target,
            String packagePath,
            Path file,
            String sha256,
            long size,
            Duration time,
            boolean upToDate,
            Optional<Sbom> sbom) {
        this(target, packagePath, file, sha256, size, time, upToDate, sbom, Optional.empty(), Optional.empty());
    }

    /** An SBOM file and its SHA-256, for SHA256SUMS and the published checksum list. */
    public record Sbom(Path file, String sha256) {}

    /**
     * For the build summary, the target's last line: {@code linux/amd64 manager 5.1 MiB sha256:1a2b3c4d5e6f
     * 2 min 3 s}, the time being go build's and the verification's; a cgo binary's ends with what it needs at run time
     * ({@code static}, {@code glibc >= 2.17}).
     */
    public String summary() {
        return String.format(
                        Locale.ROOT,
                        "%-20s %-24s %10s  sha256:%s  %s",
                        target,
                        file.getFileName(),
                        HumanReadable.size(size),
                        sha256.substring(0, 12),
                        upToDate ? "up to date" : HumanReadable.duration(time))
                + runtimeNeeds.map(needs -> "  " + needs.summary()).orElse("");
    }
}
