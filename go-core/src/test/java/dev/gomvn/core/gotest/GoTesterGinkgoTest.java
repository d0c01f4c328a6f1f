package dev.gomvn.core.gotest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * go:test on a module with a Ginkgo suite beside plain tests, with the real go command. Ginkgo is
 * replaced by a stand-in module (a local replace: no network) that registers the same
 * {@code -ginkgo.junit-report} flag and writes the report recorded from a real Ginkgo v2 suite, so
 * what is tested is which test binary gets the flag, where the report goes and how it is merged.
 */
class GoTesterGinkgoTest {
    @TempDir
    Path module;

    @TempDir
    Path target;

    private Path recordedReport;

    @BeforeEach
    void writeModule() throws IOException {
        write("go.mod", """
                module example.com/fake

                go 1.21

                require github.com/onsi/ginkgo/v2 v2.34.0

                replace github.com/onsi/ginkgo/v2 => ./fakeginkgo
                """);
        write("fakeginkgo/go.mod", "module github.com/onsi/ginkgo/v2\n\ngo 1.21\n");
        write("fakeginkgo/ginkgo.go", """
                // Package ginkgo stands in for Ginkgo v2: same report flag, a recorded report.
                package ginkgo

                import (
                	"flag"
                	"fmt"
                	"os"
                	"testing"
                )

                var junitReport = flag.String("ginkgo.junit-report", "", "where the JUnit report goes")

                func RunSpecs(t *testing.T, description string) bool {
                	fmt.Println("Running Suite: " + description)
                	if *junitReport == "" {
                		t.Fatal("no -ginkgo.junit-report")
                	}
                	recorded, err := os.ReadFile(os.Getenv("RECORDED_GINKGO_REPORT"))
                	if err != nil {
                		t.Fatal(err)
                	}
                	if err := os.WriteFile(*junitReport, recorded, 0o644); err != nil {
                		t.Fatal(err)
                	}
                	fmt.Println("Ran 4 of 6 Specs in 0.002 seconds")
                	t.Fail()
                	return false
                }
                """);
        write("suite/suite.go", "package suite\n\nfunc Answer() int { return 42 }\n");
        write("suite/suite_test.go", """
                package suite

                import (
                	"testing"

                	"github.com/onsi/ginkgo/v2"
                )

                func TestSuite(t *testing.T) {
                	if Answer() == 42 {
                		ginkgo.RunSpecs(t, "Fake Suite")
                	}
                }
                """);
        write("plain/plain.go", "package plain\n\nfunc One() int { return 1 }\n");
        write("plain/plain_test.go", """
                package plain

                import "testing"

                func TestPlain(t *testing.T) {
                	if One() != 1 {
                		t.Fatal("One() != 1")
                	}
                }
                """);
        recordedReport = target.resolve("recorded-ginkgo-report.xml");
        try (InputStream in = getClass().getResourceAsStream("/testreport/ginkgo-report.xml")) {
            Files.copy(in, recordedReport);
        }
    }

    @Test
    void onlyTheSuiteGetsTheReportFlagAndItsSpecsReplaceItsGoTest() throws Exception {
        // The user's own test binary arguments (-args) stay after the packages, the report flag after them.
        GoTester.TestOutcome outcome = test(null, "-count=1 -args -test.short");

        assertThat(outcome.summary().surefireSummary())
                .as("6 specs and the plain test; the flag given to the plain test binary would fail it")
                .isEqualTo("Tests run: 7, Failures: 1, Errors: 0, Skipped: 2");
        String suite = Files.readString(target.resolve("surefire-reports/TEST-example.com.fake.suite.xml"));
        assertThat(suite)
                .contains(
                        "name=\"Calculator Add is wrong on purpose\"",
                        "name=\"Calculator Divide rounds towards zero (pending)\"")
                .doesNotContain("name=\"TestSuite\"");
        assertThat(target.resolve("surefire-reports/TEST-example.com.fake.plain.xml"))
                .content()
                .contains("name=\"TestPlain\"")
                .doesNotContain("<failure");
        assertThat(target.resolve("go-test/ginkgo/example.com.fake.suite.xml")).exists();
        try (Stream<Path> files = Files.walk(module)) {
            assertThat(files.filter(f -> f.toString().endsWith(".xml")))
                    .as("nothing is written into the module")
                    .isEmpty();
        }
    }

    @Test
    void specsAFailedBeforeSuiteKeptFromRunningAreReportedAsSkippedWithTheReason() {
        TestCaseResult setup = TestCaseResult.spec(
                "[BeforeSuite]", TestCaseResult.Status.FAILED, 0, "no database\nat suite_test.go:19", "failed", "", "");
        List<TestCaseResult> reported = List.of(setup);
        List<TestCaseResult> dryRun = List.of(
                TestCaseResult.spec("Orders stores", TestCaseResult.Status.PASSED, 0, "", "", "", ""),
                TestCaseResult.spec("Orders lists", TestCaseResult.Status.PASSED, 0, "", "", "", ""));

        assertThat(GinkgoReport.failedSetup(reported)).contains(setup);
        assertThat(GinkgoReport.withSpecsNotRun(reported, dryRun, setup))
                .extracting(TestCaseResult::name, TestCaseResult::status, TestCaseResult::message)
                .containsExactly(
                        tuple("[BeforeSuite]", TestCaseResult.Status.FAILED, "no database\nat suite_test.go:19"),
                        tuple(
                                "Orders stores",
                                TestCaseResult.Status.SKIPPED,
                                "not run: [BeforeSuite] failed (no database)"),
                        tuple(
                                "Orders lists",
                                TestCaseResult.Status.SKIPPED,
                                "not run: [BeforeSuite] failed (no database)"));
        assertThat(GinkgoReport.failedSetup(dryRun)).isEmpty();
    }

    @Test
    void coverageOfTheSuiteAndOfTheOtherPackagesIsOneProfile() throws Exception {
        Path profile = target.resolve("go/coverage.out");
        GoTester.TestOutcome outcome = test(profile, "-count=1");

        List<String> lines = Files.readAllLines(profile);
        assertThat(lines.get(0)).startsWith("mode: ");
        assertThat(lines.stream().filter(l -> l.startsWith("mode:"))).hasSize(1);
        assertThat(lines).anyMatch(l -> l.startsWith("example.com/fake/suite/suite.go:"));
        assertThat(lines).anyMatch(l -> l.startsWith("example.com/fake/plain/plain.go:"));
        assertThat(outcome.coverage()).hasValue("100.0%");
        try (Stream<Path> files = Files.list(profile.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("coverage.out");
        }
    }

    private GoTester.TestOutcome test(Path coverProfile, String flags) {
        Map<String, String> environment = InstalledGoForTests.processEnvironmentWith(Map.of(
                "GOFLAGS", "",
                "GOENV", "off",
                "CGO_ENABLED", "0",
                "GOPROXY", "off",
                "RECORDED_GINKGO_REPORT", recordedReport.toString()));
        return new GoTester(InstalledGoForTests.toolchain(), GoLog.SILENT)
                .test(TestRequest.builder()
                        .moduleDirectory(module)
                        .flags(flags)
                        .coverProfile(coverProfile)
                        .reportsDirectory(target.resolve("surefire-reports"))
                        .workDirectory(target.resolve("go-test"))
                        .environment(environment)
                        .build());
    }

    private void write(String name, String content) throws IOException {
        Path file = module.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
