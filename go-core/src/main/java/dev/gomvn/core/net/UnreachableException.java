package dev.gomvn.core.net;

import dev.gomvn.core.EnvironmentException;
import java.util.Optional;

/**
 * A server could not be reached at the network level (refused or unknown host, connect timeout, or every
 * attempt reset, timed out or answered 5xx): another source may work where this one does not.
 */
public final class UnreachableException extends EnvironmentException {
    private final String reason;

    /**
     * @param message the complete sentence with its advice, for when nothing else can be tried
     * @param reason what happened in a few words (e.g. {@code go.dev:443 refused the connection}), for a message
     *     that goes on to say what is tried instead
     */
    public UnreachableException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The {@code UnreachableException} that {@code failure} is or was caused by, if any. */
    public static Optional<UnreachableException> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreachableException unreachable) {
                return Optional.of(unreachable);
            }
        }
        return Optional.empty();
    }
}
