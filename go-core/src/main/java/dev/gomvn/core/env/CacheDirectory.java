package dev.gomvn.core.env;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One directory holding Go's build cache and module cache, so that a CI system caches a single path
 * between runs: GOCACHE is {@code <dir>/go-build} and GOMODCACHE {@code <dir>/mod}, the names Go's
 * own defaults use under the user cache directory and GOPATH. A variable the user set explicitly
 * (in the process environment or the plugin's {@code <environment>}) is what they asked for and wins.
 */
public final class CacheDirectory {
    private final Path directory;

    /** @param directory absolute, since go rejects relative GOCACHE and GOMODCACHE values */
    public CacheDirectory(Path directory) {
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute path: " + directory);
        }
        this.directory = directory.normalize();
    }

    public Path buildCache() {
        return directory.resolve("go-build");
    }

    public Path moduleCache() {
        return directory.resolve("mod");
    }

    /**
     * The environment go runs with: {@code environment} plus GOCACHE and GOMODCACHE in this directory
     * where {@code environment} leaves them unset. An empty value counts as unset, as it does for go.
     */
    public Map<String, String> applyTo(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>(environment);
        setUnlessGiven(result, "GOCACHE", buildCache());
        setUnlessGiven(result, "GOMODCACHE", moduleCache());
        return result;
    }

    private static void setUnlessGiven(Map<String, String> environment, String name, Path value) {
        String given = environment.get(name);
        if (given == null || given.isBlank()) {
            environment.put(name, value.toString());
        }
    }
}
