package dev.gomvn.core;

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
