package dev.gomvn.core.gosum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.modules.BuildList;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.testsupport.LocalGoProxy;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requireGoSumVerified in a go.work workspace, with the real go command, a local file:// GOPROXY and a
 * fresh module cache per test. The workspace uses ./app and ./lib; app requires lib v0.0.0, which
 * go.work replaces by ./lib (go reads a required version's go.mod even for a workspace module, so
 * without that replacement go itself cannot load the workspace), and example.test/dep from the proxy.
 * After every check go.work, go.work.sum and each module's go.mod and go.sum are byte-identical, and no
 * such file appeared.
 */
class GoSumVerifierWorkspaceTest {
    private static final String GO_WORK =
            "go 1.21\n\nuse (\n\t./app\n\t./lib\n)\n\nreplace example.com/lib v0.0.0 => ./lib\n";

    @TempDir
    static Path shared;

    static Toolchain go;
    static LocalGoProxy proxy;
    /** The lines go itself writes to go.work.sum for this workspace: the correct sums. */
    static String sums;

    @TempDir
    Path root;

    Path app;
    Path cache;
    Map<String, String> environment;

    @BeforeAll
    static void publishModules() throws Exception {
        go = InstalledGoForTests.toolchain();
        proxy = new LocalGoProxy(shared.resolve("proxy"))
                .publish("example.test/dep", "v1.0.0", Map.of("dep.go", "package dep\n\nfunc X() int { return 1 }\n"));
    }

    @BeforeEach
    void writeWorkspace() throws Exception {
        cache = Files.createTempDirectory(shared, "modcache");
        environment = proxy.goEnvironment(cache);
        environment.put("GOWORK", "");
        app = Files.createDirectories(root.resolve("app"));
        Path lib = Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("go.work"), GO_WORK);
        Files.writeString(lib.resolve("go.mod"), "module example.com/lib\n\ngo 1.21\n");
        Files.writeString(lib.resolve("lib.go"), "package lib\n\nfunc Y() int { return 2 }\n");
        Files.writeString(
                app.resolve("go.mod"),
                "module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/lib v0.0.0\n\texample.test/dep v1.0.0\n)\n");
        Files.writeString(
                app.resolve("main.go"),
                "package main\n\nimport (\n\t\"example.com/lib\"\n\t\"example.test/dep\"\n)\n\n"
                        + "func main() { println(lib.Y() + dep.X()) }\n");
        if (sums == null) {
            GoCommand.of(
                            go.goRoot(),
                            "build",
                            "-o",
                            shared.resolve("app-binary").toString(),
                            ".")
                    .environment(environment)
                    .in(app)
                    .run()
                    .requireSuccess();
            sums = Files.readString(root.resolve("go.work.sum"));
            Files.delete(root.resolve("go.work.sum"));
            emptyCache();
        }
    }

    @AfterEach
    void removeCache() throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void correctSumsInGoWorkSumPassInWorkspaceMode() throws IOException {
        assertThat(sums)
                .contains("example.test/dep v1.0.0 h1:")
                .contains("example.test/dep v1.0.0/go.mod h1:")
                .doesNotContain("example.com/lib");
        Files.writeString(root.resolve("go.work.sum"), sums);
        GoSumReport report = verify(false);
        assertThat(report.findings()).isEmpty();
        assertThat(report.workspace()).contains(root.resolve("go.work"));
        assertThat(report.vendor()).isEmpty();
        assertThat(report.infos()).isEmpty();
        assertThat(cache.resolve("example.test/dep@v1.0.0/dep.go")).exists();
    }

    @Test
    void correctSumsInTheAppsGoSumPassToo() throws IOException {
        Files.writeString(app.resolve("go.sum"), sums);
        assertThat(verify(false).findings()).isEmpty();
    }

    @Test
    void aWrongLineInGoWorkSumIsCaughtNamingGoWorkSum() throws IOException {
        Files.writeString(root.resolve("go.work.sum"), sums.replaceAll("(?m)^(example.test/dep v1.0.0 h1:)..", "$1AA"));
        assertThat(verify(false).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.CHECKSUM_MISMATCH);
            assertThat(f.module()).isEqualTo("example.test/dep@v1.0.0");
            assertThat(f.message())
                    .startsWith(root.resolve("go.work.sum") + ":" + lineOf(sums, "example.test/dep v1.0.0 h1:")
                            + ": the go.sum line for example.test/dep v1.0.0 disagrees");
        });
    }

    @Test
    void aWrongLineInTheAppsGoSumIsCaughtNamingThatGoSum() throws IOException {
        Files.writeString(
                app.resolve("go.sum"), sums.replaceAll("(?m)^(example.test/dep v1.0.0/go.mod h1:)..", "$1AA"));
        assertThat(verify(false).findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.CHECKSUM_MISMATCH);
            assertThat(f.message())
                    .startsWith(app.resolve("go.sum") + ":" + lineOf(sums, "example.test/dep v1.0.0/go.mod h1:")
                            + ": the go.sum line for example.test/dep v1.0.0/go.mod disagrees");
        });
    }

    @Test
    void aLineNoSumFileOfTheWorkspaceHoldsIsMissing() throws IOException {
        Files.writeString(root.resolve("go.work.sum"), sums.replaceAll("(?m)^example.test/dep v1.0.0 h1:.*\n", ""));
        assertThat(verify(false).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.MISSING_ENTRY);
            assertThat(f.module()).isEqualTo("example.test/dep@v1.0.0");
            assertThat(f.message())
                    .startsWith(
                            "Neither " + app.resolve("go.sum") + " nor " + root.resolve("go.work.sum")
                                    + " (nor the go.sum of another workspace module) holds the zip hash of example.test/dep v1.0.0")
                    .contains("run 'go mod download example.test/dep@v1.0.0' in " + app);
        });
    }

    @Test
    void withGoworkOffTheSameLayoutIsJudgedAsALoneModuleAndGoCannotResolveTheWorkspaceModule() throws IOException {
        Files.writeString(app.resolve("go.sum"), sums);
        environment.put("GOWORK", "off");
        GoSumReport report = verify(false);
        assertThat(report.workspace()).isEmpty();
        assertThat(report.infos()).isEmpty();
        // What go itself says: alone, app's requirement example.com/lib v0.0.0 is looked up in GOPROXY.
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.GO_FAILED);
            assertThat(f.message())
                    .startsWith("'go mod download' failed in " + app)
                    .contains("example.com/lib@v0.0.0: reading " + proxy.url() + "example.com/lib/@v/v0.0.0.mod");
        });
    }

    @Test
    void whenGoFailsInTheWorkspaceTheMessageNamesTheTemporaryCopyGoQuotes() throws IOException {
        Files.writeString(root.resolve("go.work"), GO_WORK.replace("go 1.21", "go 1.99"));
        Files.writeString(root.resolve("go.work.sum"), sums);
        assertThat(verify(false).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.GO_FAILED);
            assertThat(f.message())
                    .startsWith("'go mod download' failed in " + app + " (in the workspace " + root.resolve("go.work")
                            + ", run against its temporary copy ")
                    .containsPattern("go: \\S*gomvn-gowork-\\d+/go.work requires go >= 1.99");
        });
    }

    @Test
    void aModuleTheWorkspaceDoesNotUseIsNamed() throws IOException {
        Files.writeString(root.resolve("go.work"), "go 1.21\n\nuse ./lib\n");
        Files.writeString(root.resolve("go.work.sum"), sums);
        assertThat(verify(false).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.NOT_IN_WORKSPACE);
            assertThat(f.message())
                    .startsWith(app + " lies in the workspace " + root.resolve("go.work")
                            + " but is not one of its modules")
                    .contains("run 'go work use app' in " + root);
        });
    }

    @Test
    void checkTidySaysItRanWithGoworkOffBecauseGoModTidyIgnoresGoWork() throws IOException {
        Files.writeString(root.resolve("go.work.sum"), sums);
        Map<Path, String> before = userFiles();
        GoSumReport report = new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT).verify(app, true, false);
        assertThat(userFiles()).isEqualTo(before);
        assertThat(report.infos())
                .contains("checkTidy: checked with GOWORK=off, because 'go mod tidy' ignores go.work: " + app
                        + " is judged as a lone module, not with the workspace " + root.resolve("go.work") + ".");
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.NOT_TIDY);
            assertThat(f.message())
                    .startsWith(
                            "checked with GOWORK=off, because 'go mod tidy' ignores go.work: go.mod/go.sum in " + app)
                    .contains("example.com/lib@v0.0.0");
        });
    }

    @Test
    void theWorkspacesVendorDirectoryIsWhatIsChecked() throws IOException {
        Files.writeString(root.resolve("go.work"), GO_WORK.replace("go 1.21", "go 1.22"));
        Files.writeString(root.resolve("go.work.sum"), sums);
        GoCommand.of(go.goRoot(), "work", "vendor")
                .environment(environment)
                .in(root)
                .run()
                .requireSuccess();
        GoSumReport consistent = verify(false);
        assertThat(consistent.findings()).isEmpty();
        assertThat(consistent.vendor()).contains(root.resolve("vendor"));
        assertThat(consistent.notes()).singleElement().asString().startsWith(root.resolve("vendor") + " is used");
        Path modulesTxt = root.resolve("vendor/modules.txt");
        Files.writeString(
                modulesTxt, Files.readString(modulesTxt).replace("example.test/dep v1.0.0", "example.test/dep v0.9.0"));
        assertThat(verify(false).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.VENDOR_INCONSISTENT);
            assertThat(f.message())
                    .startsWith(modulesTxt + " does not match the workspace " + root.resolve("go.work"))
                    .contains("run 'go work vendor' in " + root);
        });
    }

    @Test
    void theBuildListOfAWorkspaceIsReadWithoutWritingGoWorkSum() throws IOException {
        Files.writeString(root.resolve("go.work.sum"), "");
        Map<Path, String> before = userFiles();
        BuildList buildList = BuildList.load(go, app, environment, false, GoLog.SILENT);
        assertThat(userFiles()).isEqualTo(before);
        assertThat(buildList.modules())
                .extracting(BuildList.ModuleVersion::path)
                .contains("example.com/app", "example.com/lib", "example.test/dep");
    }

    private GoSumReport verify(boolean offline) throws IOException {
        Map<Path, String> before = userFiles();
        GoSumReport report =
                new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT).verify(app, false, offline);
        assertThat(userFiles()).isEqualTo(before);
        return report;
    }

    /** Every file of the workspace with its content: go.work, go.work.sum, go.mod and go.sum files, sources. */
    private Map<Path, String> userFiles() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readString(file));
            }
        }
        assertThat(files).containsKeys(root.resolve("go.work"), app.resolve("go.mod"), root.resolve("lib/go.mod"));
        return files;
    }

    private static int lineOf(String content, String prefix) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + content);
    }

    private void emptyCache() throws IOException {
        removeCache();
        Files.createDirectories(cache);
    }
}
