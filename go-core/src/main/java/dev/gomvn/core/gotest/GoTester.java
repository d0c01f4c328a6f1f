package dev.gomvn.core.gotest;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.gobuild.GoQuoting;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.process.Heartbeat;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code go test -json}, streams progress as it comes (and, every progress interval, which
 * packages are done and which still run), and writes Surefire reports. Test failures are results,
 * not exceptions: the caller decides (maven.test.failure.ignore) whether they fail the build. go test
 * failing without reporting any test (bad flags) is an exception.
 */
public final class GoTester {
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
        List<String> arguments = new ArrayList<>(List.of("test", "-json"));
        if (request.runPattern() != null && !request.runPattern().isBlank()) {
            arguments.add("-run=" + request.runPattern());
        }
        if (request.race()) {
            arguments.add("-race");
        }
        if (request.coverProfile() != null) {
            createParent(request);
            arguments.add("-coverprofile=" + request.coverProfile());
        }
        arguments.addAll(GoQuoting.split(request.flags(), "go.test.flags"));
        arguments.addAll(request.packages());
        GoTestEventStream events = new GoTestEventStream(log::info);
        GoProcessResult result;
        try (Heartbeat heartbeat =
                Heartbeat.start(progressInterval, () -> "go test: " + events.progressReport(), log::info)) {
            result = GoCommand.of(toolchain.goRoot(), arguments)
                    .environment(request.environment())
                    .in(request.moduleDirectory())
                    .onStdout(events::accept)
                    .onStderr(events::accept)
                    .run();
        }
        TestSummary summary = SurefireReportWriter.write(events.packages(), request.reportsDirectory());
        if (!result.succeeded() && !summary.hasProblems()) {
            throw new EnvironmentException("'" + result.commandLine() + "' failed with exit code " + result.exitCode()
                    + " without reporting a failing test:\n" + String.join("\n", result.tail())
                    + "\nCheck <testFlags> (go.test.flags) and <testPackages> (go.test.packages).");
        }
        Optional<String> coverage = request.coverProfile() != null && Files.isRegularFile(request.coverProfile())
                ? totalCoverage(request)
                : Optional.empty();
        return new TestOutcome(summary, coverage);
    }

    private static void createParent(TestRequest request) {
        try {
            Files.createDirectories(request.coverProfile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not create " + request.coverProfile().getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The last line of {@code go tool cover -func}: {@code total: (statements) 81.3%}. */
    private Optional<String> totalCoverage(TestRequest request) {
        GoProcessResult cover = GoCommand.of(toolchain.goRoot(), "tool", "cover", "-func=" + request.coverProfile())
                .environment(request.environment())
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

    /** The counts, and the total statement coverage when coverage was asked for. */
    public record TestOutcome(TestSummary summary, Optional<String> coverage) {}
}
