package dev.gomvn.core.gotest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The tests of one Go package, in the order they started, and what the package printed outside any test. */
public final class PackageResult {
    /** What Ginkgo prints in the go test that calls RunSpecs, in every output mode (verbose, succinct). */
    private static final Pattern GINKGO_SUITE_OUTPUT =
            Pattern.compile("(?m)^(?:Running Suite: |Ran \\d+ of \\d+ Specs? )");

    private final String importPath;
    private final Map<String, TestCaseResult> tests = new LinkedHashMap<>();
    private final List<String> output = new ArrayList<>();
    private final List<String> buildOutput = new ArrayList<>();
    private String status = "running";
    private double seconds;
    private boolean buildFailed;
    private boolean ginkgoSuite;

    PackageResult(String importPath) {
        this.importPath = importPath;
    }

    TestCaseResult test(String name) {
        return tests.computeIfAbsent(name, TestCaseResult::new);
    }

    void output(String text) {
        output.add(text);
    }

    void buildOutput(String text) {
        buildOutput.add(text);
    }

    /**
     * Puts the specs of this package's Ginkgo report in place of the go test that ran them (the one
     * that printed Ginkgo's suite output), whose output moves to the package's, so that every spec is
     * a testcase and none is counted twice.
     */
    void replaceGinkgoHost(List<TestCaseResult> specs) {
        ginkgoSuite = true;
        List<TestCaseResult> hosts = tests.values().stream()
                .filter(test -> GINKGO_SUITE_OUTPUT
                        .matcher(AnsiEscapes.strip(test.output()))
                        .find())
                .toList();
        if (hosts.isEmpty() && tests.size() == 1) {
            hosts = List.copyOf(tests.values());
        }
        for (TestCaseResult host : hosts) {
            tests.remove(host.name());
            output.add(host.output());
        }
        for (TestCaseResult spec : specs) {
            String name = spec.name();
            for (int n = 2; tests.containsKey(name); n++) {
                name = spec.name() + " (" + n + ")";
            }
            tests.put(name, spec.named(name));
        }
    }

    void markBuildFailed() {
        buildFailed = true;
    }

    void finish(String result, double elapsedSeconds) {
        this.status = result;
        this.seconds = elapsedSeconds;
    }

    public String importPath() {
        return importPath;
    }

    public Collection<TestCaseResult> tests() {
        return tests.values();
    }

    public String output() {
        return String.join("", output);
    }

    public String buildOutput() {
        return String.join("", buildOutput);
    }

    public boolean buildFailed() {
        return buildFailed || output().contains("[build failed]") || output().contains("[setup failed]");
    }

    public double seconds() {
        return seconds;
    }

    /**
     * The package failed although none of its tests did (or it never finished): a build failure,
     * a TestMain failure, a panic outside a test or a timeout. Reported as an error, never dropped.
     */
    public boolean failedOutsideTests() {
        // A test still running when the package failed (a timeout) already carries the failure.
        boolean anyTestFailed = tests.values().stream()
                .anyMatch(
                        t -> t.status() == TestCaseResult.Status.FAILED || t.status() == TestCaseResult.Status.RUNNING);
        return buildFailed() || ("fail".equals(status) || "running".equals(status)) && !anyTestFailed;
    }

    public String status() {
        return status;
    }

    /** A Ginkgo suite ran here: it has a report even with no spec, which says it ran and found none. */
    public boolean isGinkgoSuite() {
        return ginkgoSuite;
    }
}
