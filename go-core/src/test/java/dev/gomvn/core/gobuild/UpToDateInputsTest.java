package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * go:build must never call a stale binary up to date: every input go build reads outside the module
 * cache and GOROOT counts, each layout tested with a real build whose binary changes.
 */
class UpToDateInputsTest {
    @TempDir
    Path root;

    Path app;
    Path lib;
    Toolchain go;
    Map<String, String> environment;

    @BeforeEach
    void writeModules() throws IOException {
        go = InstalledGoForTests.toolchain();
        environment = new TreeMap<>(InstalledGoForTests.cleanEnvironment());
        environment.put("GOWORK", "");
        app = Files.createDirectories(root.resolve("app"));
        lib = Files.createDirectories(root.resolve("lib"));
        Files.writeString(lib.resolve("go.mod"), "module example.test/lib\n\ngo 1.21\n");
        Files.writeString(lib.resolve("lib.go"), "package lib\n\nfunc Name() string { return \"one\" }\n");
        Files.writeString(
                app.resolve("main.go"),
                "package main\n\nimport \"example.test/lib\"\n\nvar tag = \"\"\n\n"
                        + "func main() { println(lib.Name(), tag) }\n");
        Files.writeString(
                app.resolve("tag_special.go"),
                "//go:build special\n\npackage main\n\n" + "func init() { tag = \"special\" }\n");
    }

    private void replaceLibInGoMod() throws IOException {
        Files.writeString(
                app.resolve("go.mod"),
                "module example.test/app\n\ngo 1.21\n\n"
                        + "require example.test/lib v0.0.0\n\nreplace example.test/lib => ../lib\n");
    }

    private BuiltBinary build(BuildOptions.Builder options) {
        BuildRequest request = BuildRequest.builder()
                .moduleDirectory(app)
                .outputDirectory(app.resolve("target/bin"))
                .stateDirectory(app.resolve("target/state"))
                .targets(TargetList.parse(List.of("host"), go.platform()))
                .defaultName("app")
                .options(options.environment(environment).build())
                .parallelism(1)
                .outputsToIgnore(List.of(app.resolve("target")))
                .build();
        return new GoBuilder(go, GoLog.SILENT).build(request).binaries().get(0);
    }

    private BuiltBinary build() {
        return build(BuildOptions.builder());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        Files.writeString(file, Files.readString(file).replace(from, to));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void aChangeInALocalReplaceDirectoryRebuilds() throws IOException {
        replaceLibInGoMod();
        BuiltBinary first = build();
        assertThat(build().upToDate()).isTrue();

        edit(lib.resolve("lib.go"), "one", "two");
        BuiltBinary second = build();
        assertThat(second.upToDate()).isFalse();
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void aChangeInAnotherModuleOfTheWorkspaceRebuilds() throws IOException {
        Files.writeString(
                app.resolve("go.mod"), "module example.test/app\n\ngo 1.21\n\nrequire example.test/lib v0.0.0\n");
        Files.writeString(root.resolve("go.work"), "go 1.21\n\nuse (\n\t./app\n\t./lib\n)\n");
        BuiltBinary first = build();
        assertThat(build().upToDate()).isTrue();

        edit(lib.resolve("lib.go"), "one", "two");
        BuiltBinary second = build();
        assertThat(second.upToDate()).isFalse();
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void aReplaceInGoWorkCountsAndGoworkOffLeavesTheWorkspace() throws IOException {
        Path other = Files.createDirectories(root.resolve("other-lib"));
        Files.writeString(other.resolve("go.mod"), "module example.test/lib\n\ngo 1.21\n");
        Files.writeString(other.resolve("lib.go"), "package lib\n\nfunc Name() string { return \"other\" }\n");
        replaceLibInGoMod();
        Files.writeString(root.resolve("go.work"), "go 1.21\n\nuse ./app\n\nreplace example.test/lib => ./other-lib\n");
        BuiltBinary workspace = build();
        edit(other.resolve("lib.go"), "other", "changed");
        BuiltBinary edited = build();
        assertThat(edited.upToDate()).isFalse();
        assertThat(edited.sha256()).isNotEqualTo(workspace.sha256());

        environment.put("GOWORK", "off");
        BuiltBinary alone = build();
        assertThat(alone.upToDate()).isFalse();
        assertThat(alone.sha256()).isNotEqualTo(edited.sha256());
    }

    @Test
    void buildSettingsInTheGoenvFileCount() throws IOException {
        replaceLibInGoMod();
        Path goEnvFile = root.resolve("go-env");
        Files.writeString(goEnvFile, "");
        environment.put("GOENV", goEnvFile.toString());
        BuiltBinary plain = build();

        // What 'go env -w GOFLAGS=-tags=special' does.
        Files.writeString(goEnvFile, "GOFLAGS=-tags=special\n");
        BuiltBinary tagged = build();
        assertThat(tagged.upToDate()).isFalse();
        assertThat(tagged.sha256()).isNotEqualTo(plain.sha256());
    }

    @Test
    void anOverlayAndTheFilesItMapsCount() throws IOException {
        replaceLibInGoMod();
        Path replacement = Files.writeString(
                root.resolve("tag_overlay.go"), "package main\n\n" + "func init() { tag = \"overlaid\" }\n");
        Files.writeString(
                root.resolve("overlay.json"),
                "{\"Replace\": {\"" + app.resolve("tag_extra.go") + "\": \"" + replacement + "\"}}");
        BuildOptions.Builder overlaid = BuildOptions.builder().buildFlags("-overlay=" + root.resolve("overlay.json"));
        BuiltBinary first = build(overlaid);
        assertThat(build(overlaid).upToDate()).isTrue();

        edit(replacement, "overlaid", "changed");
        BuiltBinary second = build(overlaid);
        assertThat(second.upToDate()).isFalse();
        assertThat(second.sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void withCgoGoDecidesAndAnUnchangedBinaryKeepsItsTimeStamp() throws IOException {
        replaceLibInGoMod();
        BuiltBinary first = build(BuildOptions.builder().cgo(true));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first.file(), old);

        BuiltBinary again = build(BuildOptions.builder().cgo(true));
        assertThat(again.time())
                .as("go ran: C headers are inputs no fingerprint sees")
                .isPositive();
        assertThat(again.upToDate()).isTrue();
        assertThat(Files.getLastModifiedTime(again.file())).isEqualTo(old);
        assertThat(again.sha256()).isEqualTo(first.sha256());

        edit(lib.resolve("lib.go"), "one", "two");
        BuiltBinary changed = build(BuildOptions.builder().cgo(true));
        assertThat(changed.upToDate()).isFalse();
        assertThat(Files.getLastModifiedTime(changed.file())).isNotEqualTo(old);
    }
}
