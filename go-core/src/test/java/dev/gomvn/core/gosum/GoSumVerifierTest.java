package dev.gomvn.core.gosum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requireGoSumVerified's core with the real go command, a local file:// GOPROXY and a fresh module
 * cache per test: every failure mode, and go.mod/go.sum byte-identical afterwards in every case.
 */
class GoSumVerifierTest {
    @TempDir
    static Path shared;

    static Toolchain go;
    static LocalGoProxy proxy;
    static String tidyGoSum;

    @TempDir
    Path module;

    Path cache;
    Map<String, String> environment;

    @BeforeAll
    static void publishModules() throws Exception {
        go = InstalledGoForTests.toolchain();
        proxy = new LocalGoProxy(shared.resolve("proxy"))
                .publish(
                        "example.test/lib",
                        "v1.0.0",
                        Map.of("lib.go", "package lib\n\nfunc Hello() string { return \"hi\" }\n"))
                .publish(
                        "example.test/lib",
                        "v1.1.0",
                        Map.of("lib.go", "package lib\n\nfunc Hello() string { return \"hey\" }\n"))
                .publish(
                        "example.test/assert",
                        "v1.0.0",
                        Map.of("assert.go", "package assert\n\nfunc True(b bool) bool { return b }\n"))
                .publish("example.test/family-a", "v1.0.0", Map.of("a.go", "package a\n"))
                .publish("example.test/family-b", "v1.1.0", Map.of("b.go", "package b\n"));
    }

    @BeforeEach
    void writeModule() throws Exception {
        cache = Files.createTempDirectory(shared, "modcache");
        environment = proxy.goEnvironment(cache);
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/app\n\ngo 1.21\n\nrequire (\n"
                        + "\texample.test/lib v1.0.0\n\texample.test/assert v1.0.0\n)\n");
        Files.writeString(
                module.resolve("main.go"),
                "package main\n\nimport \"example.test/lib\"\n\nfunc main() { println(lib.Hello()) }\n");
        Files.writeString(
                module.resolve("main_test.go"),
                "package main\n\nimport (\n\t\"testing\"\n\n\t\"example.test/assert\"\n)\n\n"
                        + "func TestHello(t *testing.T) { assert.True(true) }\n");
        if (tidyGoSum == null) {
            GoCommand.of(go.goRoot(), "mod", "tidy")
                    .environment(environment)
                    .in(module)
                    .run()
                    .requireSuccess();
            tidyGoSum = Files.readString(module.resolve("go.sum"));
            emptyCache();
        }
        Files.writeString(module.resolve("go.sum"), tidyGoSum);
    }

    @AfterEach
    void removeCache() throws IOException {
        try (Stream<Path> walk = Files.walk(cache)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aCompleteCorrectGoSumPassesOnAnEmptyCache() throws IOException {
        GoSumReport report = verify(false);
        assertThat(report.findings()).isEmpty();
        assertThat(cache.resolve("example.test/lib@v1.0.0/lib.go")).exists();
    }

    @Test
    void aMissingZipLineIsReported() throws IOException {
        rewriteGoSum(sum -> sum.replaceAll("(?m)^example.test/lib v1.0.0 h1:.*\n", ""));
        GoSumReport report = verify(false);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.MISSING_ENTRY);
            assertThat(f.module()).isEqualTo("example.test/lib@v1.0.0");
            assertThat(f.message())
                    .contains("lacks the zip hash of example.test/lib v1.0.0")
                    .contains("run 'go mod tidy'");
        });
    }

    @Test
    void aMissingGoModLineIsReported() throws IOException {
        rewriteGoSum(sum -> sum.replaceAll("(?m)^example.test/lib v1.0.0/go.mod h1:.*\n", ""));
        assertThat(verify(false).findings())
                .anySatisfy(f -> assertThat(f.message()).contains("go.mod hash of example.test/lib v1.0.0"));
    }

    @Test
    void aLineOnlyTestsNeedIsReported() throws IOException {
        rewriteGoSum(sum -> sum.replaceAll("(?m)^example.test/assert v1.0.0 h1:.*\n", ""));
        assertThat(verify(false).findings())
                .singleElement()
                .satisfies(f -> assertThat(f.module()).isEqualTo("example.test/assert@v1.0.0"));
    }

    @Test
    void aWrongHashFailsOnAnEmptyCacheNamingTheGoSumLine() throws IOException {
        rewriteGoSum(sum -> sum.replaceAll("(?m)^(example.test/lib v1.0.0 h1:)..", "$1AA"));
        GoSumReport report = verify(false);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.CHECKSUM_MISMATCH);
            assertThat(f.module()).isEqualTo("example.test/lib@v1.0.0");
            assertThat(f.message())
                    .contains(module.resolve("go.sum") + ":" + lineOf("example.test/lib v1.0.0 h1:"))
                    .contains("never just delete the line");
        });
    }

    @Test
    void aWrongHashFailsOnAWarmCacheToo() throws IOException {
        assertThat(verify(false).findings()).isEmpty();
        rewriteGoSum(sum -> sum.replaceAll("(?m)^(example.test/lib v1.0.0 h1:)..", "$1AA"));
        assertThat(verify(false).findings())
                .anySatisfy(f -> assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.CHECKSUM_MISMATCH));
    }

    @Test
    void aTamperedModuleCacheIsReported() throws IOException {
        assertThat(verify(false).findings()).isEmpty();
        Path cached = cache.resolve("example.test/lib@v1.0.0/lib.go");
        // go leaves the module cache read-only; whoever tampers with it makes the file writable first (root need not).
        assertThat(cached.toFile().setWritable(true, true)).isTrue();
        Files.writeString(cached, Files.readString(cached) + "\n// injected\n");
        assertThat(verify(false).findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.CACHE_TAMPERED);
            assertThat(f.module()).isEqualTo("example.test/lib@v1.0.0");
        });
    }

    @Test
    void offlineWorksFromAWarmCacheAndNamesWhatIsMissingFromACold() throws IOException {
        assertThat(verify(true).findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.OFFLINE_MISSING);
            assertThat(f.message()).contains("not in the module cache and Maven runs offline (-o)");
        });
        assertThat(verify(false).findings()).isEmpty();
        assertThat(verify(true).findings()).isEmpty();
    }

    @Test
    void untidyGoModIsReportedWithCheckTidy() throws IOException {
        Path goMod = module.resolve("go.mod");
        Files.writeString(goMod, Files.readString(goMod).replace(")\n", "\texample.test/family-a v1.0.0\n)\n"));
        String before = Sha256.of(goMod);
        GoSumReport report =
                new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT).verify(module, true, false);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.NOT_TIDY);
            assertThat(f.message()).contains("example.test/family-a");
        });
        assertThat(Sha256.of(goMod)).isEqualTo(before);
    }

    @Test
    void inconsistentVendorIsReportedAndVendoredCodeIsNotCalledVerified() throws IOException {
        GoCommand.of(go.goRoot(), "mod", "vendor")
                .environment(environment)
                .in(module)
                .run()
                .requireSuccess();
        GoSumReport consistent =
                new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT).verify(module, false, false);
        assertThat(consistent.findings()).isEmpty();
        assertThat(consistent.notes()).singleElement().asString().contains("Go never checksums vendored file contents");
        Path goMod = module.resolve("go.mod");
        Files.writeString(goMod, Files.readString(goMod).replace("lib v1.0.0", "lib v1.1.0"));
        assertThat(new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT)
                        .verify(module, false, false)
                        .findings())
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(GoSumFinding.Kind.VENDOR_INCONSISTENT));
    }

    private GoSumReport verify(boolean offline) throws IOException {
        String goMod = Files.readString(module.resolve("go.mod"));
        String goSum = Files.readString(module.resolve("go.sum"));
        GoSumReport report =
                new GoSumVerifier(go, environment, ProxyLogin.NONE, GoLog.SILENT).verify(module, false, offline);
        assertThat(module.resolve("go.mod")).content().isEqualTo(goMod);
        assertThat(module.resolve("go.sum")).content().isEqualTo(goSum);
        return report;
    }

    private void rewriteGoSum(java.util.function.UnaryOperator<String> change) throws IOException {
        Path goSum = module.resolve("go.sum");
        String changed = change.apply(Files.readString(goSum));
        assertThat(changed).isNotEqualTo(Files.readString(goSum));
        Files.writeString(goSum, changed);
    }

    private int lineOf(String prefix) throws IOException {
        List<String> lines = Files.readAllLines(module.resolve("go.sum"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in go.sum");
    }

    private void emptyCache() throws IOException {
        removeCache();
        Files.createDirectories(cache);
    }
}
