package dev.gomvn.core.vuln;

import dev.gomvn.core.ConfigurationException;
import java.util.Locale;

/** What the rule does under {@code -o} when no local copy of the vulnerability database can answer. */
public enum OfflinePolicy {
    /** Fail: a build that cannot check for vulnerabilities is not known to be free of them. */
    FAIL,
    /** Warn and skip the check. */
    WARN;

    public static OfflinePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return FAIL;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("offline", "<offline> is '" + text + "'; use fail (the default) or warn.");
        }
    }
}
