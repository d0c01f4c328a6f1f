package dev.gomvn.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a goal's wall time went: each phase's time within a scope (the whole goal, or one target), summed over the
 * phase's runs, for {@code -Dgo.profile}. Phases of several targets run at once, so a scope's phases may add up to
 * more than the goal's time; within one target they do not overlap.
 */
public final class PhaseTimes {
    /** The scope of work done once for the whole goal, not for one target. */
    public static final String WHOLE_GOAL = "";

    private final Map<String, Map<String, Long>> nanosByScope = new LinkedHashMap<>();

    public <T> T time(String scope, String phase, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(scope, phase, System.nanoTime() - started);
        }
    }

    public void time(String scope, String phase, Runnable work) {
        time(scope, phase, () -> {
            work.run();
            return null;
        });
    }

    public synchronized void add(String scope, String phase, long nanos) {
        nanosByScope.computeIfAbsent(scope, s -> new LinkedHashMap<>()).merge(phase, nanos, Long::sum);
    }

    /** The time of {@code phase} in {@code scope}; zero when it never ran. */
    public synchronized Duration of(String scope, String phase) {
        return Duration.ofNanos(nanosByScope.getOrDefault(scope, Map.of()).getOrDefault(phase, 0L));
    }

    /**
     * One line per scope, the whole goal's first, then the targets in the order they started: {@code linux/amd64:
     * fingerprint 4 ms, go build 1.2 s, verification 61 ms}.
     */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        Map<String, Long> whole = nanosByScope.get(WHOLE_GOAL);
        if (whole != null) {
            lines.add("whole goal: " + describe(whole));
        }
        nanosByScope.forEach((scope, phases) -> {
            if (!scope.equals(WHOLE_GOAL)) {
                lines.add(scope + ": " + describe(phases));
            }
        });
        return lines;
    }

    private static String describe(Map<String, Long> phases) {
        List<String> parts = new ArrayList<>();
        phases.forEach((phase, nanos) -> parts.add(phase + " " + HumanReadable.duration(Duration.ofNanos(nanos))));
        return String.join(", ", parts);
    }
}
