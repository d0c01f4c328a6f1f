package dev.gomvn.core.gobuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code go:build}: which packages, for which targets, with which flags.
 *
 * @param outputDirectory    binaries go to {@code <outputDirectory>/<goos>_<goarch>[_<variant>]/}
 * @param stateDirectory     where up-to-date fingerprints are kept between builds
 * @param packages           main packages, e.g. {@code .} or {@code ./cmd/manager}
 * @param binaryNames        name per package, overriding the last path element
 * @param defaultName        the binary name for package {@code .} (the artifactId)
 * @param outputsToIgnore    directories inside the module that are outputs, not inputs
 * @param sbom               write an SBOM beside each binary with this generator; empty for none
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
        List<Path> outputsToIgnore,
        Optional<SbomGenerator> sbom) {

    public BuildRequest {
        targets = List.copyOf(targets);
        packages = packages == null || packages.isEmpty() ? List.of(".") : List.copyOf(packages);
        binaryNames = binaryNames == null ? Map.of() : Map.copyOf(binaryNames);
        outputsToIgnore = outputsToIgnore == null ? List.of() : List.copyOf(outputsToIgnore);
        parallelism = Math.max(1, parallelism);
        sbom = sbom == null ? Optional.empty() : sbom;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named settings, so that two of one type cannot be swapped; unset ones take the record's defaults. */
    public static final class Builder {
        private Path moduleDirectory;
        private Path outputDirectory;
        private Path stateDirectory;
        private List<BuildTarget> targets;
        private List<String> packages;
        private Map<String, String> binaryNames;
        private String defaultName;
        private BuildOptions options;
        private int parallelism;
        private boolean verifyBinaries = true;
        private boolean force;
        private List<Path> outputsToIgnore;
        private Optional<SbomGenerator> sbom = Optional.empty();

        private Builder() {}

        public Builder moduleDirectory(Path value) {
            moduleDirectory = value;
            return this;
        }

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder stateDirectory(Path value) {
            stateDirectory = value;
            return this;
        }

        public Builder targets(List<BuildTarget> value) {
            targets = value;
            return this;
        }

        public Builder packages(List<String> value) {
            packages = value;
            return this;
        }

        public Builder binaryNames(Map<String, String> value) {
            binaryNames = value;
            return this;
        }

        public Builder defaultName(String value) {
            defaultName = value;
            return this;
        }

        public Builder options(BuildOptions value) {
            options = value;
            return this;
        }

        public Builder parallelism(int value) {
            parallelism = value;
            return this;
        }

        public Builder verifyBinaries(boolean value) {
            verifyBinaries = value;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder outputsToIgnore(List<Path> value) {
            outputsToIgnore = value;
            return this;
        }

        public Builder sbom(Optional<SbomGenerator> value) {
            sbom = value;
            return this;
        }

        public BuildRequest build() {
            return new BuildRequest(
                    moduleDirectory,
                    outputDirectory,
                    stateDirectory,
                    targets,
                    packages,
                    binaryNames,
                    defaultName,
                    options,
                    parallelism,
                    verifyBinaries,
                    force,
                    outputsToIgnore,
                    sbom);
        }
    }
}
