package dev.gomvn.core.vuln;

import dev.gomvn.core.ConfigurationException;
import java.util.Locale;

/**
 * How deep govulncheck looks, and so what counts as "reached": a required module, an imported package, or a
 * called vulnerable symbol. Each level also reports every shallower one, as present but not reached.
 */
public enum ScanLevel {
    MODULE,
    PACKAGE,
    SYMBOL;

    /** The value of {@code <scanLevel>}; blank means the default, symbol. */
    public static ScanLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return SYMBOL;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "scanLevel",
                    "<scanLevel> is '" + text + "'; use module, package or symbol (the default: only vulnerable "
                            + "functions your code calls fail the rule).");
        }
    }

    /** As govulncheck's {@code -scan} flag spells it. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
