package dev.gomvn.core.process;

import dev.gomvn.core.HumanReadable;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Says what a long go run is doing at a fixed interval. Driven by a clock, not by go's output: a
 * target compiling one huge package prints nothing for minutes, and CI systems kill jobs that stay
 * silent for ten.
 */
public final class Heartbeat implements AutoCloseable {
    /** Often enough for CI watchdogs and people, rare enough not to drown go's own output. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final ScheduledExecutorService clock;

    private Heartbeat(ScheduledExecutorService clock) {
        this.clock = clock;
    }

    /**
     * Every {@code interval}, the first time one interval after now, until closed: sends {@code sink} the
     * state and the time since the start, e.g. {@code [linux/amd64] manager: compiling package 58 of
     * 184 (k8s.io/client-go/kubernetes), 1 min 30 s so far}.
     */
    public static Heartbeat start(Duration interval, Supplier<String> state, Consumer<String> sink) {
        long started = System.nanoTime();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gomvn-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        clock.scheduleAtFixedRate(
                () -> sink.accept(state.get() + ", "
                        + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)) + " so far"),
                nanos,
                nanos,
                TimeUnit.NANOSECONDS);
        return new Heartbeat(clock);
    }

    /** Stops the beat and waits for a line being written, so none comes after the run's own last line. */
    @Override
    public void close() {
        // shutdown, not shutdownNow: it cancels the next beats but lets a line being logged finish uninterrupted.
        clock.shutdown();
        try {
            clock.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
