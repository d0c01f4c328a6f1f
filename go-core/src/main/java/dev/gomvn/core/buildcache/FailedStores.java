package dev.gomvn.core.buildcache;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared build cache stores that failed earlier in one build, with why: the rest of that build (reactor modules,
 * go:build then go:test) does not wait for them again, and only the first failure is a warning. One instance lives
 * as long as one build: the caller keeps it with the build (Maven's session), so a later build in the same JVM (the
 * Maven daemon) asks the store afresh.
 */
public final class FailedStores {
    private final Map<URI, String> reasons = new ConcurrentHashMap<>();

    Optional<String> reason(URI store) {
        return Optional.ofNullable(reasons.get(store));
    }

    void record(URI store, String reason) {
        reasons.putIfAbsent(store, reason);
    }
}
