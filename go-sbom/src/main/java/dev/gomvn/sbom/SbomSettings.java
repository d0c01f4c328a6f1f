package dev.gomvn.sbom;

import java.time.Instant;
import java.util.Optional;

/**
 * What an SBOM takes from the build rather than from the binary.
 *
 * @param timestamp          {@code metadata.timestamp}; empty leaves it out (see {@link ReproducibleTimestamp})
 * @param mainModuleVersion  the main component's version when the binary only says {@code (devel)}, as it does
 *                           for every build without VCS stamping: the project's version. Empty leaves the version
 *                           out.
 */
public record SbomSettings(Optional<Instant> timestamp, String mainModuleVersion) {

    public SbomSettings {
        mainModuleVersion = mainModuleVersion == null ? "" : mainModuleVersion;
    }

    /** Goes into the up-to-date fingerprint: a changed setting rewrites the SBOMs. */
    public String fingerprint() {
        return "sbom " + timestamp.map(Instant::toString).orElse("-") + " " + mainModuleVersion;
    }
}
