package dev.gomvn.core.gotest;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.buildcache.PrefetchKey;
import dev.gomvn.core.gobuild.GoQuoting;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.process.Heartbeat;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs {@code go test -json}, streams progress as it comes (and, every progress interval, which
 * packages are done and which still run), and writes Surefire reports. Test failures are results,
 * not exceptions: the caller decides (maven.test.failure.ignore) whether they fail the build. go test
 * failing without reporting any test (bad flags) is an exception.
 *
 * <p>A Ginkgo suite is one go test that runs many specs. Its package runs in a go test of its own
 * with {@code -ginkgo.junit-report} (a flag every other test binary rejects), and the specs of that
 * report replace the single go test in the package's Surefire report.
 */
public final class GoTester {
    private static final String GINKGO_REPORT_FLAG = "-ginkgo.junit-report=";

    private final Toolchain toolchain;
    private final GoLog log;
    private final Duration progressInterval;

    public GoTester(Toolchain toolchain, GoLog log) {
        this(toolchain, log, Heartbeat.DEFAULT_INTERVAL);
    }

    /** @param progressInterval how often a running go test says which packages are done and which run */
    public GoTester(Toolchain toolchain, GoLog log, Duration progressInterval) {
        this.toolchain = toolchain;
        this.log = log;
        this.progressInterval = progressInterval;
    }

    public TestOutcome test(TestRequest request) {
        List<String> testFlags = GoQuoting.split(request.flags(), "go.test.flags");
        List<GoTestRun> runs = GinkgoPackages.find(toolchain, request, testFlags, log)
                .map(split -> runsFor(split, request))
                .orElseGet(() -> List.of(new GoTestRun(request.packages(), null, request.coverProfile())));
        if (request.coverProfile() != null) {
            createParent(request.coverProfile());
        }
        GoTestEventStream events = new GoTestEventStream(log::info);
        List<GoProcessResult> failed = new ArrayList<>();
        try (Heartbeat heartbeat =
                Heartbeat.start(progressInterval, () -> "go test: " + events.progressReport(), log::info)) {
            for (GoTestRun run : runs) {
                GoProcessResult result = GoCommand.of(toolchain.goRoot(), run.arguments(request, testFlags))
                        .environment(PrefetchKey.name(
                                request.environment(),
                                request.moduleDirectory(),
                                List.of(
                                        "go test " + toolchain.version(),
                                        String.join(" ", run.packages()),
                                        "run=" + request.runPattern() + " race=" + request.race() + " cover="
                                                + (run.coverProfile() != null) + " flags=" + request.flags())))
                        .perRun(request.perRun())
                        .log(log)
                        .in(request.moduleDirectory())
                        .onStdout(events::accept)
                        .onStderr(events::accept)
                        .run();
                if (!result.succeeded()) {
                    failed.add(result);
                }
            }
        }
        mergeGinkgoReports(runs, events.packages(), request, testFlags);
        if (runs.size() > 1 && request.coverProfile() != null) {
            mergeCoverProfiles(runs, request.coverProfile());
        }
        TestSummary summary =
                SurefireReportWriter.write(events.packages(), request.reportsDirectory(), request.runName(), log::info);
        if (!failed.isEmpty() && !summary.hasProblems()) {
            GoProcessResult result = failed.get(0);
            throw new EnvironmentException("'" + result.commandLine() + "' failed with exit code " + result.exitCode()
                    + " without reporting a failing test:\n" + String.join("\n", result.tail())
                    + "\nCheck <testFlags> (go.test.flags) and <testPackages> (go.test.packages).");
        }
        Optional<String> coverage = request.coverProfile() != null && Files.isRegularFile(request.coverProfile())
                ? totalCoverage(request)
                : Optional.empty();
        return new TestOutcome(summary, coverage);
    }

    /** The other packages together, as go test parallelises them, then each Ginkgo suite with its report. */
    private static List<GoTestRun> runsFor(GinkgoPackages split, TestRequest request) {
        Path ginkgoReports = request.workDirectory().resolve("ginkgo");
        List<GoTestRun> runs = new ArrayList<>();
        if (!split.others().isEmpty()) {
            runs.add(new GoTestRun(split.others(), null, coverPart(request, 0)));
        }
        for (String suite : split.ginkgo()) {
            Path report = ginkgoReports.resolve(suite.replace('/', '.') + ".xml");
            runs.add(new GoTestRun(List.of(suite), report, coverPart(request, runs.size())));
        }
        try {
            Files.createDirectories(ginkgoReports);
            for (GoTestRun run : runs) {
                if (run.ginkgoReport() != null) {
                    // A suite that crashes writes none; an old one must not stand in for it.
                    Files.deleteIfExists(run.ginkgoReport());
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not prepare " + ginkgoReports + ": " + e.getMessage(), e);
        }
        return runs;
    }

    private static Path coverPart(TestRequest request, int index) {
        Path profile = request.coverProfile();
        return profile == null ? null : profile.resolveSibling(profile.getFileName() + ".part" + index);
    }

    private void mergeGinkgoReports(
            List<GoTestRun> runs, List<PackageResult> packages, TestRequest request, List<String> testFlags) {
        Map<String, PackageResult> byImportPath =
                packages.stream().collect(Collectors.toMap(PackageResult::importPath, Function.identity()));
        for (GoTestRun run : runs) {
            PackageResult result = byImportPath.get(run.packages().get(0));
            if (run.ginkgoReport() == null || result == null) {
                continue;
            }
            if (Files.isRegularFile(run.ginkgoReport())) {
                List<TestCaseResult> specs = GinkgoReport.read(run.ginkgoReport());
                Optional<TestCaseResult> failedSetup = GinkgoReport.failedSetup(specs);
                if (failedSetup.isPresent()) {
                    specs = GinkgoReport.withSpecsNotRun(specs, dryRun(run, request, testFlags), failedSetup.get());
                }
                result.replaceGinkgoHost(specs);
            } else {
                log.debug("The Ginkgo suite " + result.importPath() + " wrote no report (" + run.ginkgoReport()
                        + "); its go test result stands.");
            }
        }
    }

    /**
     * Every spec of a suite whose setup failed, from a dry run ({@code -ginkgo.dry-run}: no node runs, every spec is
     * reported): the specs the failure kept from running are then reported too, not left out.
     */
    private List<TestCaseResult> dryRun(GoTestRun run, TestRequest request, List<String> testFlags) {
        Path report = run.ginkgoReport().resolveSibling(run.ginkgoReport().getFileName() + ".dry-run.xml");
        try {
            Files.deleteIfExists(report);
        } catch (IOException e) {
            throw new EnvironmentException("Could not remove the old " + report + ": " + e.getMessage(), e);
        }
        GoTestRun dryRun = new GoTestRun(run.packages(), report, null);
        List<String> arguments = new ArrayList<>(dryRun.arguments(request, testFlags));
        arguments.remove("-json");
        arguments.add("-ginkgo.dry-run");
        GoProcessResult result = GoCommand.of(toolchain.goRoot(), arguments)
                .environment(request.environment())
                .perRun(request.perRun())
                .log(log)
                .in(request.moduleDirectory())
                .run();
        if (!Files.isRegularFile(report)) {
            log.debug("The dry run of the Ginkgo suite " + run.packages().get(0) + " wrote no report (exit "
                    + result.exitCode() + "); the specs its setup kept from running are not listed.");
            return List.of();
        }
        return GinkgoReport.read(report);
    }

    /** One profile, as a single go test writes it: the mode line once, then every package's blocks. */
    private static void mergeCoverProfiles(List<GoTestRun> runs, Path target) {
        List<String> merged = new ArrayList<>();
        try {
            for (GoTestRun run : runs) {
                Path part = run.coverProfile();
                if (!Files.isRegularFile(part)) {
                    continue;
                }
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("mode:") || merged.isEmpty()) {
                        merged.add(line);
                    }
                }
                Files.delete(part);
            }
            if (!merged.isEmpty()) {
                AtomicFiles.write(target, (String.join("\n", merged) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not merge the coverage profiles into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new EnvironmentException("Could not create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The last line of {@code go tool cover -func}: {@code total: (statements) 81.3%}. */
    private Optional<String> totalCoverage(TestRequest request) {
        GoProcessResult cover = GoCommand.of(toolchain.goRoot(), "tool", "cover", "-func=" + request.coverProfile())
                .environment(request.environment())
                .log(log)
                .in(request.moduleDirectory())
                .captureStdout()
                .run();
        if (!cover.succeeded()) {
            return Optional.empty();
        }
        return cover.stdout()
                .lines()
                .filter(l -> l.startsWith("total:"))
                .findFirst()
                .map(l -> l.replaceAll("\\s+", " ").replace("total: (statements) ", ""));
    }

    /**
     * One go test process.
     *
     * @param ginkgoReport where the Ginkgo suite of its single package writes its report, or null
     * @param coverProfile where its {@code -coverprofile} goes, or null
     */
    private record GoTestRun(List<String> packages, Path ginkgoReport, Path coverProfile) {
        List<String> arguments(TestRequest request, List<String> testFlags) {
            List<String> arguments = new ArrayList<>(List.of("test", "-json"));
            if (request.runPattern() != null && !request.runPattern().isBlank()) {
                arguments.add("-run=" + request.runPattern());
            }
            if (request.race()) {
                arguments.add("-race");
            }
            if (coverProfile != null) {
                arguments.add("-coverprofile=" + coverProfile);
            }
            // go test [flags] [packages] [-args flags for the test binary]
            int binaryArguments = testFlags.indexOf("-args");
            List<String> goTestFlags = binaryArguments < 0 ? testFlags : testFlags.subList(0, binaryArguments);
            arguments.addAll(goTestFlags);
            arguments.addAll(packages);
            arguments.addAll(testFlags.subList(goTestFlags.size(), testFlags.size()));
            if (ginkgoReport != null) {
                // After the packages (and any -args): go test hands flags it does not know to the test binary.
                arguments.add(GINKGO_REPORT_FLAG + ginkgoReport.toAbsolutePath());
            }
            return arguments;
        }
    }

    /** The counts, and the total statement coverage when coverage was asked for. */
    public record TestOutcome(TestSummary summary, Optional<String> coverage) {}
}
