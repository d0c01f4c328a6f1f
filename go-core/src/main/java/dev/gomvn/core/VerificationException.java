package dev.gomvn.core;

/** Something did not prove to be what it claims: a digest mismatch, a binary for the wrong platform. */
public class VerificationException extends GoCoreException {
    public VerificationException(String message) {
        super(message, null);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
