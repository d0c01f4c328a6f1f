package dev.gomvn.core.gosum;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link GoSumVerifier} found; notes that are true but not failures (vendored code is not
 * checksummed); infos that say how something was judged (checkTidy with GOWORK=off); and how the
 * module was judged: in which workspace (null: alone) and with which vendor directory (null: none).
 */
public record GoSumReport(
        List<GoSumFinding> findings, List<String> notes, List<String> infos, Path workFile, Path vendorDirectory) {
    public GoSumReport(List<GoSumFinding> findings, List<String> notes) {
        this(findings, notes, List.of(), null, null);
    }

    public boolean passed() {
        return findings.isEmpty();
    }

    /** The go.work the module was checked in, as go build in its directory uses it. */
    public Optional<Path> workspace() {
        return Optional.ofNullable(workFile);
    }

    /** The vendor directory checked instead of the module cache. */
    public Optional<Path> vendor() {
        return Optional.ofNullable(vendorDirectory);
    }
}
