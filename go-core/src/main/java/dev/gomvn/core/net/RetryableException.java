package dev.gomvn.core.net;

import dev.gomvn.core.EnvironmentException;

/**
 * A failure that another attempt may not have: 5xx, a reset connection, no answer in time, a stalled or truncated
 * body. {@link HttpTransport} repeats idempotent requests that fail with it; its message is a few words, such as
 * {@code no answer within 60 s (go.readTimeout)}, for a sentence that says what failed.
 */
public class RetryableException extends EnvironmentException {
    public RetryableException(String message) {
        super(message);
    }

    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
