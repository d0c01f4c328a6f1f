package dev.gomvn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent tasks on a pool of at most a given number of threads and hands back their results in the order of
 * the tasks. The first task to fail ends the run: the others are cancelled (running ones interrupted, waiting ones
 * never started) and its exception is thrown as the task threw it, so a {@link GoCoreException}'s message reaches the
 * user unwrapped. A task that should not stop the others catches its own failure and returns it as its result.
 */
public final class BoundedParallel {
    private BoundedParallel() {}

    /**
     * @param activity what the tasks do together, for the message when the waiting thread is interrupted
     *                 ("Interrupted while {@code activity}.")
     * @param limit    the most tasks that run at once (at least 1)
     * @return each task's result, in the order of {@code tasks}
     */
    public static <T> List<T> run(String activity, int limit, List<? extends Supplier<? extends T>> tasks) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(limit, tasks.size()));
        CompletionService<T> completed = new ExecutorCompletionService<>(pool);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (Supplier<? extends T> task : tasks) {
                futures.add(completed.submit(task::get));
            }
            for (int i = 0; i < futures.size(); i++) {
                completed.take().get();
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } catch (ExecutionException e) {
            throw unwrapped(e.getCause(), activity);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while " + activity + ".", e);
        } finally {
            futures.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }

    private static RuntimeException unwrapped(Throwable failure, String activity) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        // A Supplier cannot throw a checked exception, unless it sneaks one past the compiler.
        return new EnvironmentException("Failed while " + activity + ": " + failure, failure);
    }
}
