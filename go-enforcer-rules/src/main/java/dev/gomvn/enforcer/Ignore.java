package dev.gomvn.enforcer;

/**
 * One {@code <ignore>} of {@code requireNoKnownVulnerabilities}: the OSV id, why it is accepted, and the date after
 * which it fails again. Maven fills the fields from the POM; the core checks them.
 */
public class Ignore {
    private String id;
    private String reason;
    private String expires;

    String id() {
        return id;
    }

    String reason() {
        return reason;
    }

    String expires() {
        return expires;
    }

    /** Every field: the rule's cache id is built from it, and an ignore without a reason must not share one. */
    @Override
    public String toString() {
        return id + (expires == null ? "" : " until " + expires) + " (reason: " + reason + ")";
    }
}
