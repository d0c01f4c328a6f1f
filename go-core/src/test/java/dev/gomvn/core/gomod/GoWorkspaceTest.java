package dev.gomvn.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which go.work applies, compared with what go itself answers ({@code go env GOWORK}), and the scratch copy. */
class GoWorkspaceTest {
    @TempDir
    Path root;

    Path app;
    Path goRoot;
    Map<String, String> environment;

    @BeforeEach
    void layout() throws IOException {
        app = Files.createDirectories(root.resolve("ws/app"));
        Files.createDirectories(root.resolve("ws/lib"));
        Files.writeString(app.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n");
        Files.writeString(root.resolve("ws/lib/go.mod"), "module example.com/lib\n\ngo 1.21\n");
        Files.writeString(
                root.resolve("ws/go.work"),
                "go 1.21\n\n// the modules\nuse (\n\t./app\n\t\"./lib\" // quoted\n)\n\n"
                        + "replace example.com/lib v0.0.0 => ./lib\n");
        goRoot = Files.createDirectories(root.resolve("goroot"));
        environment = new HashMap<>(Map.of("GOENV", "off", "GOWORK", ""));
    }

    @Test
    void theNearestGoWorkAboveTheModuleApplies() {
        assertThat(GoWorkspace.find(app, environment, goRoot)).contains(root.resolve("ws/go.work"));
        environment.put("GOWORK", "auto");
        assertThat(GoWorkspace.find(app, environment, goRoot)).contains(root.resolve("ws/go.work"));
    }

    @Test
    void goworkOffDisablesAndAnAbsolutePathSelects() throws IOException {
        environment.put("GOWORK", "off");
        assertThat(GoWorkspace.find(app, environment, goRoot)).isEmpty();
        Path other = Files.writeString(root.resolve("other.work"), "go 1.21\n");
        environment.put("GOWORK", other.toString());
        assertThat(GoWorkspace.find(app, environment, goRoot)).contains(other);
    }

    @Test
    void aRelativeGoworkIsRefusedAsGoRefusesIt() {
        environment.put("GOWORK", "../go.work");
        assertThatThrownBy(() -> GoWorkspace.find(app, environment, goRoot))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("go: invalid GOWORK: not an absolute path");
    }

    @Test
    void goworkFromTheGoenvFileCountsUnlessTheEnvironmentSetsIt() throws IOException {
        Path goEnv = Files.writeString(root.resolve("goenv"), "GOWORK=off\n");
        environment.put("GOENV", goEnv.toString());
        assertThat(GoWorkspace.find(app, environment, goRoot)).isEmpty();
        Path other = Files.writeString(root.resolve("other.work"), "go 1.21\n");
        environment.put("GOWORK", other.toString());
        assertThat(GoWorkspace.find(app, environment, goRoot)).contains(other);
    }

    @Test
    void theSearchDoesNotCrossIntoGoroot() throws IOException {
        Path inside = Files.createDirectories(goRoot.resolve("src/cmd"));
        Files.writeString(root.resolve("go.work"), "go 1.21\n");
        assertThat(GoWorkspace.find(inside, environment, goRoot)).isEmpty();
        assertThat(GoWorkspace.find(goRoot, environment, root.resolve("elsewhere")))
                .contains(root.resolve("go.work"));
    }

    @Test
    void agreesWithGoEnvGowork() {
        Toolchain go = InstalledGoForTests.toolchain();
        for (String gowork : new String[] {"", "off"}) {
            environment.put("GOWORK", gowork);
            String answer = GoCommand.of(go.goRoot(), "env", "GOWORK")
                    .environment(InstalledGoForTests.processEnvironmentWith(environment))
                    .in(app)
                    .captureStdout()
                    .run()
                    .requireSuccess()
                    .stdout()
                    .strip();
            assertThat(GoWorkspace.find(app, environment, go.goRoot())
                            .map(Path::toString)
                            .orElse(gowork.equals("off") ? "off" : ""))
                    .isEqualTo(answer);
        }
    }

    @Test
    void filesModulesAndReplacesOfTheWorkspace() {
        GoWorkspace workspace = GoWorkspace.of(app, environment, goRoot).orElseThrow();
        Path ws = root.resolve("ws");
        assertThat(workspace.moduleDirectories()).containsExactly(ws.resolve("app"), ws.resolve("lib"));
        assertThat(workspace.uses(app)).isTrue();
        assertThat(workspace.uses(ws)).isFalse();
        assertThat(workspace.sumFiles())
                .containsExactly(ws.resolve("app/go.sum"), ws.resolve("lib/go.sum"), ws.resolve("go.work.sum"));
        assertThat(workspace.files())
                .containsExactly(
                        ws.resolve("go.work"),
                        ws.resolve("go.work.sum"),
                        ws.resolve("app/go.mod"),
                        ws.resolve("app/go.sum"),
                        ws.resolve("lib/go.mod"),
                        ws.resolve("lib/go.sum"));
        assertThat(workspace.replaces()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(ws.resolve("go.work"));
            assertThat(r.replacement().line()).isEqualTo(9);
            assertThat(r.localDirectory()).contains(ws.resolve("lib"));
        });
    }

    @Test
    void theScratchCopyMeansTheSameWorkspaceAndIsDeletedOnClose() throws IOException {
        Toolchain go = InstalledGoForTests.toolchain();
        GoWorkspace workspace = GoWorkspace.of(app, environment, go.goRoot()).orElseThrow();
        Files.writeString(workspace.sumFile(), "example.test/x v1.0.0/go.mod h1:abc=\n");
        Path scratchDirectory;
        try (GoWorkspace.Scratch scratch = workspace.scratchCopy()) {
            scratchDirectory = scratch.workFile().getParent();
            assertThat(scratch.sumFile()).hasSameTextualContentAs(workspace.sumFile());
            assertThat(scratch.workFile())
                    .content()
                    .contains("\t\"" + root.resolve("ws/app") + "\"\n")
                    .contains("\t\"" + root.resolve("ws/lib") + "\"\n")
                    .contains("replace example.com/lib v0.0.0 => \"" + root.resolve("ws/lib") + "\"")
                    .contains("// the modules");
            String modules = GoCommand.of(go.goRoot(), "list", "-m", "-f", "{{.Path}} {{.Dir}}")
                    .environment(InstalledGoForTests.processEnvironmentWith(scratch.environment(environment)))
                    .in(app)
                    .captureStdout()
                    .run()
                    .requireSuccess()
                    .stdout();
            assertThat(modules)
                    .isEqualTo("example.com/app " + root.resolve("ws/app") + "\nexample.com/lib "
                            + root.resolve("ws/lib") + "\n");
        }
        assertThat(scratchDirectory).doesNotExist();
    }

    @Test
    void aRequirementOnAWorkspaceModuleIsMetByItsDirectoryForDownloadAndVerifyToo() throws IOException {
        // The ordinary workspace: app requires lib, both used, nothing replaces lib.
        Files.writeString(root.resolve("ws/go.work"), "go 1.21\n\nuse (\n\t./app\n\t./lib\n)\n");
        Files.writeString(
                app.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.0.0\n");
        Files.writeString(app.resolve("main.go"), "package main\n\nimport _ \"example.com/lib\"\n\nfunc main() {}\n");
        Files.writeString(root.resolve("ws/lib/lib.go"), "package lib\n");
        Toolchain go = InstalledGoForTests.toolchain();
        GoWorkspace workspace = GoWorkspace.of(app, environment, go.goRoot()).orElseThrow();

        assertThat(workspace.usedModules())
                .containsExactly(
                        Map.entry("example.com/app", root.resolve("ws/app")),
                        Map.entry("example.com/lib", root.resolve("ws/lib")));
        assertThat(workspace.providesModule("example.com/lib")).isTrue();
        assertThat(workspace.providesModule("example.com/other")).isFalse();
        try (GoWorkspace.Scratch scratch = workspace.scratchCopy()) {
            assertThat(scratch.workFile())
                    .content()
                    .contains("replace example.com/lib v0.0.0 => \"" + root.resolve("ws/lib") + "\"");
            // Without the replacement, go mod verify asks the module proxy for example.com/lib@v0.0.0.
            String verified = GoCommand.of(go.goRoot(), "mod", "verify")
                    .environment(InstalledGoForTests.processEnvironmentWith(
                            scratch.environment(Map.of("GOENV", "off", "GOPROXY", "off"))))
                    .in(app)
                    .captureStdout()
                    .run()
                    .requireSuccess()
                    .stdout();
            assertThat(verified).isEqualTo("all modules verified\n");
        }
    }
}
