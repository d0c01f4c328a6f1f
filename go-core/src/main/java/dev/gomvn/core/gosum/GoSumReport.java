package dev.gomvn.core.gosum;

import java.util.List;

/** What {@link GoSumVerifier} found, and notes that are true but not failures (vendored code is not checksummed). */
public record GoSumReport(List<GoSumFinding> findings, List<String> notes) {
    public boolean passed() {
        return findings.isEmpty();
    }
}
