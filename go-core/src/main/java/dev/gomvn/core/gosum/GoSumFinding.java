package dev.gomvn.core.gosum;

/** One reason go.sum cannot be trusted as it is; the message says what to do. */
public record GoSumFinding(Kind kind, String module, String message) {
    public enum Kind {
        MISSING_ENTRY,
        CHECKSUM_MISMATCH,
        CACHE_TAMPERED,
        FILE_MODIFIED,
        NOT_TIDY,
        VENDOR_INCONSISTENT,
        OFFLINE_MISSING,
        NOT_IN_WORKSPACE,
        GO_FAILED
    }
}
