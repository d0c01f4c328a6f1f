package dev.gomvn.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real binaries, built here twice with one thing changed, and what the comparison says about them. */
class BinaryComparisonTest {
    @TempDir
    static Path temp;

    private static Path module;

    @BeforeAll
    static void writeModule() throws IOException {
        module = Files.createDirectories(temp.resolve("app"));
        Files.writeString(module.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n");
        Files.writeString(
                module.resolve("main.go"),
                "package main\n\nimport \"fmt\"\n\nvar version = \"dev\"\n\nfunc main() { fmt.Println(version) }\n");
    }

    private final BinaryComparison comparison = new BinaryComparison(
            InstalledGoForTests.toolchain().goRoot(), InstalledGoForTests.cleanEnvironment(), GoLog.SILENT);

    @Test
    void twoBuildsWithTheSameSettingsAgree() throws IOException {
        Path first = build("first", Map.of(), "-X main.version=1.0.0");
        Path second = build("second", Map.of(), "-X main.version=1.0.0");

        assertThat(comparison.difference("linux-amd64", side(first), side(second)))
                .isEmpty();
    }

    @Test
    void aChangedLinkerVariableIsNamedWithBothValues() throws IOException {
        Path here = build("here", Map.of(), "-X main.version=1.0.1");
        Path published = build("published", Map.of(), "-X main.version=1.0.0");

        String difference = comparison
                .difference("linux-amd64", side(here), side(published))
                .orElseThrow();

        assertThat(difference)
                .startsWith("linux-amd64: SHA-256 " + Sha256.of(here).substring(0, 12) + " here, ")
                .contains("linker variable (-X) main.version=1.0.1 here, main.version=1.0.0 published")
                .doesNotContain("Go version")
                .doesNotContain("build setting");
    }

    @Test
    void aVariableSetOnOneSideOnlyIsNamedAsNotSet() throws IOException {
        Path here = build("set", Map.of(), "-X main.version=2.0");
        Path published = build("unset", Map.of(), "");

        assertThat(comparison.difference("linux-amd64", side(here), side(published)))
                .hasValueSatisfying(difference -> assertThat(difference)
                        .contains("linker variable (-X) main.version=2.0 here, main.version not set published"));
    }

    @Test
    void anotherMicroarchitectureLevelIsNamedAsTheBuildSetting() throws IOException {
        Path here = build("v1", Map.of("GOAMD64", "v1"), "");
        Path published = build("v3", Map.of("GOAMD64", "v3"), "");

        assertThat(comparison.difference("linux-amd64", side(here), side(published)))
                .hasValueSatisfying(difference ->
                        assertThat(difference).contains("build setting GOAMD64=v1 here, GOAMD64=v3 published"));
    }

    @Test
    void aBinaryWithoutSymbolsSaysItsVariablesCouldNotBeRead() throws IOException {
        Path here = build("stripped", Map.of(), "-s -w -X main.version=1.0.1");
        Path published = build("full", Map.of(), "-X main.version=1.0.0");

        assertThat(comparison.difference("linux-amd64", side(here), side(published)))
                .hasValueSatisfying(difference -> assertThat(difference)
                        .contains("-X values not read from the binary built here: it has no symbol table"));
    }

    @Test
    void aBinaryOnOneSideOnlyIsNamedAsSuch() {
        Optional<BinaryComparison.Side> binary =
                Optional.of(new BinaryComparison.Side("ab".repeat(32), Optional.empty()));

        assertThat(comparison.difference("linux-arm64", binary, Optional.empty()))
                .contains("linux-arm64: built here, not published");
        assertThat(comparison.difference("darwin-arm64", Optional.empty(), binary))
                .hasValueSatisfying(text -> assertThat(text).startsWith("darwin-arm64: published, not built here"));
    }

    @Test
    void theFailureListsEveryDifferenceAndWhatToDo() {
        assertThat(BinaryComparison.failure("example:app:1.0", List.of("a: one", "b: two"))
                        .getMessage())
                .startsWith(
                        "The binaries built here differ from those published as example:app:1.0:\n  a: one\n  b: two\n")
                .contains("Do not deploy");
    }

    private static Optional<BinaryComparison.Side> side(Path binary) {
        return Optional.of(new BinaryComparison.Side(Sha256.of(binary), Optional.of(binary)));
    }

    /** {@code go build -trimpath} for linux/amd64 with {@code ldflags} and the extra {@code variables}. */
    private static Path build(String name, Map<String, String> variables, String ldflags) throws IOException {
        Path output = temp.resolve(name).resolve("app");
        Map<String, String> environment = new HashMap<>(InstalledGoForTests.cleanEnvironment());
        environment.putAll(Map.of("GOOS", "linux", "GOARCH", "amd64", "GOTOOLCHAIN", "local"));
        environment.putAll(variables);
        GoCommand.of(
                        InstalledGoForTests.toolchain().goRoot(),
                        "build",
                        "-trimpath",
                        "-ldflags=" + ldflags,
                        "-o",
                        output.toString(),
                        ".")
                .in(module)
                .environment(environment)
                .run()
                .requireSuccess();
        return output;
    }
}
