package dev.gomvn.core.gotest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code go:test} run.
 *
 * @param runPattern   {@code -run} regular expression (Maven's -Dtest), or null
 * @param flags        further {@code go test} flags, as written on a command line
 * @param coverProfile where {@code -coverprofile} writes, or null for no coverage
 */
public record TestRequest(Path moduleDirectory, List<String> packages, String runPattern, boolean race, String flags,
        Path coverProfile, Path reportsDirectory, Map<String, String> environment) {

    public TestRequest {
        packages = packages == null || packages.isEmpty() ? List.of("./...") : List.copyOf(packages);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        flags = flags == null ? "" : flags;
    }
}
