package dev.gomvn.plugin;

import dev.gomvn.core.gotest.GoTester;
import dev.gomvn.core.gotest.TestRequest;
import dev.gomvn.core.gotest.TestSummary;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@code go test} and writes Surefire-format reports to {@code target/surefire-reports}, so CI
 * servers and maven-surefire-report-plugin show Go tests like Java ones.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractGoMojo {

    /** Packages to test. */
    @Parameter(property = "go.test.packages", defaultValue = "./...")
    List<String> testPackages;

    /** Only tests matching this regular expression ({@code go test -run}); Maven's usual {@code -Dtest}. */
    @Parameter(property = "test")
    String test;

    /** Run with the race detector (needs cgo and a C compiler). */
    @Parameter(property = "go.test.race", defaultValue = "false")
    boolean race;

    /** Further {@code go test} flags, as written on a command line ({@code -count=1 -timeout=5m}). */
    @Parameter(property = "go.test.flags")
    String testFlags;

    /** Write {@code target/go/coverage.out} and log the total statement coverage. */
    @Parameter(property = "go.coverage", defaultValue = "false")
    boolean coverage;

    /** Skip the tests (Maven's usual switch). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skip the tests (Maven's usual switch, which also skips compiling them in Java projects). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /** Report test failures but do not fail the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Where the Surefire-format XML reports go. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    File reportsDirectory;

    @Override
    void run() throws MojoFailureException {
        if (skipTests || mavenTestSkip) {
            getLog().info("Tests are skipped.");
            return;
        }
        if (GoModuleCheck.skipNonGoProject(project, moduleDirectory(), getLog())) {
            return;
        }
        Toolchain toolchain = resolveToolchain();
        File coverProfile = coverage ? new File(project.getBuild().getDirectory(), "go/coverage.out") : null;
        TestRequest request = TestRequest.builder()
                .moduleDirectory(moduleDirectory())
                .packages(BuildMojo.splitCommas(testPackages))
                .runPattern(test)
                .race(race)
                .flags(testFlags)
                .coverProfile(coverProfile == null ? null : coverProfile.toPath())
                .reportsDirectory(reportsDirectory.toPath())
                .workDirectory(new File(project.getBuild().getDirectory(), "go/test").toPath())
                .environment(goEnvironment())
                .build();
        GoTester.TestOutcome outcome = new GoTester(toolchain, goLog()).test(request);
        TestSummary summary = outcome.summary();
        getLog().info("");
        getLog().info("Results:");
        getLog().info("");
        getLog().info(summary.surefireSummary());
        outcome.coverage()
                .ifPresent(total -> getLog().info("Coverage: " + total + " of statements (" + coverProfile + ")"));
        if (summary.hasProblems()) {
            String message = "There are test failures: " + summary.surefireSummary() + ". See " + reportsDirectory
                    + " for the individual test results.";
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
    }
}
