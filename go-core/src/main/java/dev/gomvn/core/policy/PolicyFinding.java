package dev.gomvn.core.policy;

/** One problem a policy found; the message names the setting, where it came from and the fix. */
public record PolicyFinding(Severity severity, String setting, String message) {
    public enum Severity {
        ERROR,
        WARNING
    }

    static PolicyFinding error(String setting, String message) {
        return new PolicyFinding(Severity.ERROR, setting, message);
    }

    static PolicyFinding warning(String setting, String message) {
        return new PolicyFinding(Severity.WARNING, setting, message);
    }
}
