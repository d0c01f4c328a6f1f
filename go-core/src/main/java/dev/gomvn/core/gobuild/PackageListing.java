package dev.gomvn.core.gobuild;

import dev.gomvn.core.GoLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * go list beside go build, for the total of packages a heartbeat shows. Beside go build, not before it: waiting for
 * the listing made every cold build a second slower per target. And only once the build has run for half the
 * heartbeat's interval: the total is only shown by a heartbeat, and a shorter build would pay go list's CPU for
 * nothing (on 2 cores, all of it is taken from the compiler).
 */
final class PackageListing {
    private final AtomicBoolean decided = new AtomicBoolean();
    private final String packagePath;
    private final GoLog log;
    private CompletableFuture<Void> listing = CompletableFuture.completedFuture(null);

    private PackageListing(String packagePath, GoLog log) {
        this.packagePath = packagePath;
        this.log = log;
    }

    /**
     * Lists the packages {@code go build} of {@code packagePath} will compile after {@code delay}, unless
     * {@link #stop()} came first, and tells {@code progress} their number.
     */
    static PackageListing start(
            Path goRoot,
            BuildRequest request,
            BuildTarget target,
            String packagePath,
            Map<String, String> environment,
            CompileProgress progress,
            Consumer<String> downloadLine,
            Duration delay,
            GoLog log) {
        PackageListing started = new PackageListing(packagePath, log);
        if (StalePackages.worthListing(environment, System.getenv())) {
            started.listing = CompletableFuture.runAsync(
                    () -> {
                        if (started.decided.compareAndSet(false, true)) {
                            StalePackages.of(
                                            goRoot,
                                            request.options(),
                                            environment,
                                            request.moduleDirectory(),
                                            packagePath,
                                            downloadLine,
                                            log)
                                    .ifPresent(progress::expect);
                        }
                    },
                    CompletableFuture.delayedExecutor(
                            delay.toMillis(), TimeUnit.MILLISECONDS, task -> startDaemon(task, "go list " + target)));
        }
        return started;
    }

    /** Once go build is done: a listing not yet started never starts, one under way is waited for. */
    void stop() {
        try {
            if (decided.compareAndSet(false, true)) {
                listing.cancel(false);
            } else {
                listing.join();
            }
        } catch (CompletionException e) {
            log.debug("Listing the packages of " + packagePath + " for the progress failed: "
                    + e.getCause().getMessage());
        }
    }

    private static void startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
