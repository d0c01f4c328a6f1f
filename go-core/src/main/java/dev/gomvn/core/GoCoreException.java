package dev.gomvn.core;

/** Base of every failure the core reports; messages are complete sentences meant for the user. */
public abstract class GoCoreException extends RuntimeException {
    protected GoCoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
