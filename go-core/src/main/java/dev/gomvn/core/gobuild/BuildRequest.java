package dev.gomvn.core.gobuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code go:build}: which packages, for which targets, with which flags.
 *
 * @param outputDirectory    binaries go to {@code <outputDirectory>/<goos>_<goarch>[_<variant>]/}
 * @param stateDirectory     where up-to-date fingerprints are kept between builds
 * @param packages           main packages, e.g. {@code .} or {@code ./cmd/manager}
 * @param binaryNames        name per package, overriding the last path element
 * @param defaultName        the binary name for package {@code .} (the artifactId)
 * @param outputsToIgnore    directories inside the module that are outputs, not inputs
 */
public record BuildRequest(
        Path moduleDirectory,
        Path outputDirectory,
        Path stateDirectory,
        List<BuildTarget> targets,
        List<String> packages,
        Map<String, String> binaryNames,
        String defaultName,
        BuildOptions options,
        int parallelism,
        boolean verifyBinaries,
        boolean force,
        List<Path> outputsToIgnore) {

    public BuildRequest {
        targets = List.copyOf(targets);
        packages = packages == null || packages.isEmpty() ? List.of(".") : List.copyOf(packages);
        binaryNames = binaryNames == null ? Map.of() : Map.copyOf(binaryNames);
        outputsToIgnore = outputsToIgnore == null ? List.of() : List.copyOf(outputsToIgnore);
        parallelism = Math.max(1, parallelism);
    }
}
