package dev.gomvn.core.modules;

import dev.gomvn.core.GoCoreException;

/**
 * go could not load the build's modules because go.sum lacks lines for them or disagrees with what
 * was downloaded: the project's fault, not the machine's, so a rule reports it as a finding beside
 * the others instead of stopping the enforcer (which drops the findings it had collected when a rule
 * errs). The message names go's own reason and the fix; requireGoSumVerified names every line.
 */
public final class GoSumProblemException extends GoCoreException {
    private final String goReason;

    GoSumProblemException(String message, String goReason) {
        super(message, null);
        this.goReason = goReason;
    }

    /** go's own line, e.g. {@code missing go.sum entry for module providing package k8s.io/api/core/v1 (...)}. */
    public String goReason() {
        return goReason;
    }
}
