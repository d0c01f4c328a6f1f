package dev.gomvn.core.gosum;

import java.util.List;

/**
 * What {@link GoSumVerifier} found; notes that are true but not failures (vendored code is not
 * checksummed); and infos that say how the module was judged (in which workspace, what ran with GOWORK=off).
 */
public record GoSumReport(List<GoSumFinding> findings, List<String> notes, List<String> infos) {
    public GoSumReport(List<GoSumFinding> findings, List<String> notes) {
        this(findings, notes, List.of());
    }

    public boolean passed() {
        return findings.isEmpty();
    }
}
