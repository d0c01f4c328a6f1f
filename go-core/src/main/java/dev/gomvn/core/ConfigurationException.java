package dev.gomvn.core;

/**
 * The user asked for something that cannot work: a malformed version, an unknown target, a digest
 * that does not match what was pinned. The message names the parameter and the fix.
 */
public class ConfigurationException extends GoCoreException {
    private final String parameter;

    public ConfigurationException(String parameter, String message) {
        this(parameter, message, null);
    }

    public ConfigurationException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /** The offending parameter or property, e.g. {@code go.version}; may be null for file problems. */
    public String parameter() {
        return parameter;
    }
}
