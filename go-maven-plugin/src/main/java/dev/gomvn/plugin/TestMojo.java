package dev.gomvn.plugin;

import dev.gomvn.core.Platform;
import dev.gomvn.core.buildcache.SharedBuildCache;
import dev.gomvn.core.gotest.GoTester;
import dev.gomvn.core.gotest.TestRequest;
import dev.gomvn.core.gotest.TestSummary;
import dev.gomvn.core.process.PerRun;
import dev.gomvn.core.provision.EnvtestProvisioner;
import dev.gomvn.core.provision.EnvtestRequest;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.maven.MavenSdkArtifact;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@code go test} and writes Surefire-format reports to {@code target/surefire-reports}, so CI
 * servers and maven-surefire-report-plugin show Go tests like Java ones.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractCachedGoMojo {
    /** Where controller-runtime's envtest looks for etcd, kube-apiserver and kubectl. */
    static final String KUBEBUILDER_ASSETS = "KUBEBUILDER_ASSETS";

    private static final MavenSdkArtifact.Parameter ENVTEST_ARTIFACT = new MavenSdkArtifact.Parameter(
            "<envtest><artifact>", "envtest.artifact", "envtest archive", "io.k8s:envtest:1.31.0:tar.gz:linux-amd64");

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

    /**
     * envtest binaries (etcd, kube-apiserver, kubectl) for controller tests, named by KUBEBUILDER_ASSETS unless
     * &lt;environment&gt; sets it: &lt;version&gt; with &lt;downloadRoot&gt; (a .sha256 or .sha512 beside the archive,
     * envtest-releases.yaml in it, or &lt;sha256&gt; or &lt;sha512&gt;), or &lt;artifact&gt;.
     */
    @Parameter
    Envtest envtest;

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
        Optional<SharedBuildCache> buildCache = startBuildCache(toolchain);
        Map<String, String> testEnvironment = new HashMap<>(
                buildCache.map(cache -> cache.environment(goEnvironment())).orElseGet(this::goEnvironment));
        if (envtest != null) {
            if (environment != null && environment.containsKey(KUBEBUILDER_ASSETS)) {
                getLog().info("<environment> sets " + KUBEBUILDER_ASSETS + "; <envtest> is not used.");
            } else {
                Path assets = envtestAssets();
                testEnvironment.put(KUBEBUILDER_ASSETS, assets.toString());
                getLog().info(KUBEBUILDER_ASSETS + "=" + assets);
            }
        }
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
                .runName(mojoExecution.getExecutionId())
                .environment(testEnvironment)
                .perRun(buildCache.map(SharedBuildCache::storeAccess).orElse(PerRun.NOTHING))
                .build();
        GoTester.TestOutcome outcome;
        try {
            outcome = new GoTester(toolchain, goLog()).test(request);
        } finally {
            buildCache.ifPresent(SharedBuildCache::report);
        }
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

    /** Cached beside the Go SDKs, with the same network settings, lock timeout and offline mode. */
    private Path envtestAssets() {
        ToolchainRequest toolchain = toolchainSettings().request(moduleDirectory());
        Platform platform = Platform.host();
        MavenSdkArtifact artifact = envtest.artifact == null || envtest.artifact.isBlank()
                ? null
                : MavenSdkArtifact.parse(
                        envtest.artifact, ENVTEST_ARTIFACT, platform, repositorySystem, session, project);
        return new EnvtestProvisioner(goLog())
                .provision(new EnvtestRequest(
                        envtest.version,
                        envtest.downloadRoot,
                        envtest.sha256,
                        envtest.sha512,
                        artifact,
                        platform,
                        toolchain.sdkDirectory().resolve("envtest"),
                        toolchain.network(),
                        toolchain.lockTimeout()));
    }
}
