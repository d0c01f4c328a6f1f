package dev.gomvn.core;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where the core reports progress. The Maven adapters forward to Maven's log; the core never
 * prints to stdout itself, so output stays ordered with the rest of the build.
 */
public interface GoLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /** Batch mode (-B) wants plain lines: no in-place progress updates. */
    default boolean isInteractive() {
        return false;
    }

    /** A log forwarding to the given sinks: Maven's log, the enforcer's logger, a test's list. */
    static GoLog of(
            Consumer<String> info,
            Consumer<String> warn,
            Consumer<String> debug,
            BooleanSupplier debugEnabled,
            boolean interactive) {
        return new GoLog() {
            @Override
            public void info(String message) {
                info.accept(message);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }

            @Override
            public void debug(String message) {
                debug.accept(message);
            }

            @Override
            public boolean isDebugEnabled() {
                return debugEnabled.getAsBoolean();
            }

            @Override
            public boolean isInteractive() {
                return interactive;
            }
        };
    }

    GoLog SILENT = new GoLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };
}
