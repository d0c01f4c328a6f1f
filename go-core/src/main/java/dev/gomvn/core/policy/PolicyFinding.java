package dev.gomvn.core.policy;

import java.util.List;

/**
 * One problem a policy found; the message names the setting, where it came from and the fix. A finding
 * about many modules names a few in its message and all of them in {@code details}, for debug output.
 */
public record PolicyFinding(Severity severity, String setting, String message, List<String> details) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public PolicyFinding {
        details = List.copyOf(details);
    }

    static PolicyFinding error(String setting, String message) {
        return new PolicyFinding(Severity.ERROR, setting, message, List.of());
    }

    static PolicyFinding warning(String setting, String message) {
        return new PolicyFinding(Severity.WARNING, setting, message, List.of());
    }
}
