package dev.gomvn.core.gotest;

import dev.gomvn.core.process.PerRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code go:test} run.
 *
 * @param runPattern   {@code -run} regular expression (Maven's -Dtest), or null
 * @param flags        further {@code go test} flags, as written on a command line
 * @param coverProfile where {@code -coverprofile} writes, or null for no coverage
 * @param workDirectory where files only this run reads go (Ginkgo's reports before they are merged);
 *     never the module's source tree
 * @param runName what its reports are marked with (the Maven execution id): a run removes the old
 *     reports of its own name only
 * @param perRun       what each go test alone may see (the shared build cache's one-shot store settings)
 */
public record TestRequest(
        Path moduleDirectory,
        List<String> packages,
        String runPattern,
        boolean race,
        String flags,
        Path coverProfile,
        Path reportsDirectory,
        Path workDirectory,
        String runName,
        Map<String, String> environment,
        PerRun perRun) {

    public TestRequest {
        runName = runName == null || runName.isBlank() ? SurefireReportWriter.DEFAULT_RUN : runName;
        workDirectory = workDirectory == null ? reportsDirectory.resolveSibling("go-test") : workDirectory;
        packages = packages == null || packages.isEmpty() ? List.of("./...") : List.copyOf(packages);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        flags = flags == null ? "" : flags;
        perRun = perRun == null ? PerRun.NOTHING : perRun;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named settings, so that two of one type cannot be swapped; unset ones take the record's defaults. */
    public static final class Builder {
        private Path moduleDirectory;
        private List<String> packages;
        private String runPattern;
        private boolean race;
        private String flags;
        private Path coverProfile;
        private Path reportsDirectory;
        private Path workDirectory;
        private String runName;
        private Map<String, String> environment;
        private PerRun perRun;

        private Builder() {}

        public Builder moduleDirectory(Path value) {
            moduleDirectory = value;
            return this;
        }

        public Builder packages(List<String> value) {
            packages = value;
            return this;
        }

        public Builder runPattern(String value) {
            runPattern = value;
            return this;
        }

        public Builder race(boolean value) {
            race = value;
            return this;
        }

        public Builder flags(String value) {
            flags = value;
            return this;
        }

        public Builder coverProfile(Path value) {
            coverProfile = value;
            return this;
        }

        public Builder reportsDirectory(Path value) {
            reportsDirectory = value;
            return this;
        }

        public Builder workDirectory(Path value) {
            workDirectory = value;
            return this;
        }

        public Builder runName(String value) {
            runName = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder perRun(PerRun value) {
            perRun = value;
            return this;
        }

        public TestRequest build() {
            return new TestRequest(
                    moduleDirectory,
                    packages,
                    runPattern,
                    race,
                    flags,
                    coverProfile,
                    reportsDirectory,
                    workDirectory,
                    runName,
                    environment,
                    perRun);
        }
    }
}
