package dev.gomvn.core.provision.download;

import dev.gomvn.core.EnvironmentException;

/**
 * Every attempt to reach a server failed at the network level (refused or reset connection, timeout,
 * 5xx): another source may work where this one does not.
 */
public final class UnreachableException extends EnvironmentException {
    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure} or one of its causes is an {@code UnreachableException}. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreachableException) {
                return true;
            }
        }
        return false;
    }
}
