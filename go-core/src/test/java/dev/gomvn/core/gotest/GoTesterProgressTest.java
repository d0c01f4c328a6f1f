package dev.gomvn.core.gotest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A go test that runs longer than the progress interval says which packages are done and which test runs. */
class GoTesterProgressTest {
    @TempDir
    Path module;

    final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void aLongTestIsNamedWhileItRuns() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/t\n\ngo 1.21\n");
        Files.createDirectories(module.resolve("quick"));
        Files.writeString(
                module.resolve("quick/quick_test.go"),
                "package quick\n\nimport \"testing\"\n\nfunc TestQuick(t *testing.T) {}\n");
        Files.createDirectories(module.resolve("slow"));
        Files.writeString(
                module.resolve("slow/slow_test.go"),
                String.join(
                        "\n",
                        "package slow",
                        "",
                        "import (",
                        "\t\"testing\"",
                        "\t\"time\"",
                        ")",
                        "",
                        "func TestReconcile(t *testing.T) { time.Sleep(1500 * time.Millisecond) }",
                        ""));
        TestRequest request = TestRequest.builder()
                .moduleDirectory(module)
                .packages(List.of("./..."))
                .flags("-count=1 -p=1")
                .reportsDirectory(module.resolve("reports"))
                .environment(InstalledGoForTests.cleanEnvironment())
                .build();

        GoTester.TestOutcome outcome = new GoTester(
                        InstalledGoForTests.toolchain(),
                        GoLog.of(log::add, log::add, line -> {}, () -> false, false),
                        Duration.ofMillis(100))
                .test(request);

        assertThat(outcome.summary().surefireSummary()).isEqualTo("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(log)
                .anyMatch(line -> line.matches("go test: [01] packages? done, running example\\.com/t/slow"
                        + " \\(TestReconcile\\), \\d+(\\.\\d)? m?s so far"));
        assertThat(log.stream().filter(line -> line.startsWith("go test: ")))
                .allMatch(line -> line.matches("go test: (building test binaries"
                        + "|\\d packages? done, (building the next test binaries|running [a-z./]+( \\(\\w+\\))?))"
                        + ", \\d+(\\.\\d)? m?s so far"));
    }
}
