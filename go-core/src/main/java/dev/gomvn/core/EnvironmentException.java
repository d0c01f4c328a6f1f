package dev.gomvn.core;

/** The machine let us down: network unreachable, disk full, go would not start. Not the user's input. */
public class EnvironmentException extends GoCoreException {
    public EnvironmentException(String message) {
        super(message, null);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
