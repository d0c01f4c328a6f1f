package dev.gomvn.core.process;

import java.util.Map;

/**
 * What one go run needs and nothing after it may see, such as a one-shot file with a login: opened just before
 * the process starts, its variables added to that run's environment, and closed once the process has ended,
 * whatever happened (also when go never read it).
 */
@FunctionalInterface
public interface PerRun {
    PerRun NOTHING = () -> new Opened(Map.of(), () -> {});

    Opened open();

    /** @param close removes what {@link #open} made; must not throw */
    record Opened(Map<String, String> variables, Runnable close) {
        public Opened {
            variables = Map.copyOf(variables);
        }
    }
}
