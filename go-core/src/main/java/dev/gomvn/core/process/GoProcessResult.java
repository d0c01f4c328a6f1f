package dev.gomvn.core.process;

import dev.gomvn.core.EnvironmentException;
import java.time.Duration;
import java.util.List;

/**
 * How a go run ended.
 *
 * @param stdout the whole standard output when captured, else empty
 * @param tail   the last lines of output (stderr, and stdout when not captured), for error messages
 */
public record GoProcessResult(String commandLine, int exitCode, String stdout, List<String> tail, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or fails with the command, its exit code and its last output lines. */
    public GoProcessResult requireSuccess() {
        if (!succeeded()) {
            throw new EnvironmentException("'" + commandLine + "' failed with exit code " + exitCode
                    + (tail.isEmpty() ? "." : ":\n" + String.join("\n", tail)));
        }
        return this;
    }
}
