package dev.gomvn.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.gobuild.BuildOptions;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.DistList;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a tiny program per target and checks that the header parser and the build-info reader agree
 * with the target. By default a representative handful: every binary format (ELF, Mach-O, PE, wasm,
 * XCOFF, Plan 9) and both word sizes and byte orders, so a fresh machine runs it in a minute or two.
 * With {@code -Dgomvn.binaryTargets=all} (the {@code all-targets} profile, for nightly runs) every
 * target of {@code go tool dist list}. Nothing is skipped silently: the targets that cannot link
 * without cgo are listed here, and the test proves they really need it.
 */
class BinaryInspectorTest {
    /** Go links these only with cgo (an external linker for Android's and iOS's system libraries). */
    static final Set<String> NEED_CGO = Set.of("android/386", "android/amd64", "android/arm", "ios/amd64", "ios/arm64");

    /**
     * Every binary format (ELF, Mach-O, PE, wasm, XCOFF, Plan 9), ELF in 32 and 64 bits and both byte
     * orders, and the targets the ITs build too, so their go build cache is shared.
     */
    static final List<String> REPRESENTATIVE = List.of(
            "linux/amd64",
            "linux/arm64",
            "linux/386",
            "linux/mips64",
            "darwin/arm64",
            "windows/amd64",
            "js/wasm",
            "aix/ppc64",
            "plan9/amd64");

    @TempDir
    static Path work;

    static Toolchain go;
    static final Map<String, Path> BINARIES = new ConcurrentHashMap<>();
    static final Map<String, String> FAILURES = new ConcurrentHashMap<>();
    static final BuildOptions OPTIONS = BuildOptions.builder().build();

    @BeforeAll
    static void buildForEveryTarget() throws Exception {
        go = InstalledGoForTests.toolchain();
        Files.writeString(work.resolve("go.mod"), "module example.com/tiny\n\ngo 1.21\n");
        Files.writeString(work.resolve("main.go"), "package main\n\nfunc main() {}\n");
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        for (String platform : targets()) {
            BuildTarget target = BuildTarget.parse(platform, go.platform());
            pool.submit(() -> {
                Path output =
                        work.resolve("out").resolve(target.directoryName()).resolve(target.executableName("tiny"));
                Map<String, String> environment = new TreeMap<>(InstalledGoForTests.cleanEnvironment());
                environment.putAll(OPTIONS.environment(target, go.platform()));
                GoProcessResult result = GoCommand.of(go.goRoot(), OPTIONS.buildArguments(output, "."))
                        .environment(environment)
                        .in(work)
                        .run();
                if (result.succeeded()) {
                    BINARIES.put(platform, output);
                } else {
                    FAILURES.put(platform, String.join("\n", result.tail()));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).isTrue();
    }

    /** The targets this run builds: every one Go knows with -Dgomvn.binaryTargets=all, else the handful. */
    static List<String> targets() {
        List<String> known = List.copyOf(DistList.of(go, GoLog.SILENT));
        if ("all".equals(System.getProperty("gomvn.binaryTargets"))) {
            return known;
        }
        assertThat(known).as("targets this Go can build").containsAll(REPRESENTATIVE);
        return REPRESENTATIVE;
    }

    @TestFactory
    Stream<DynamicTest> everyTargetsHeaderAndBuildInfoMatchIt() {
        return targets().stream()
                .map(platform -> DynamicTest.dynamicTest(platform, () -> {
                    if (NEED_CGO.contains(platform)) {
                        assertThat(FAILURES)
                                .as("%s is listed as needing cgo", platform)
                                .containsKey(platform);
                        return;
                    }
                    assertThat(FAILURES).as("build output for %s", platform).doesNotContainKey(platform);
                    BuildTarget target = BuildTarget.parse(platform, go.platform());
                    Path binary = BINARIES.get(platform);
                    BinaryHeader header = BinaryInspector.inspect(binary);
                    assertThat(BinaryVerifier.headerMismatches(header, target))
                            .as(header.describe())
                            .isEmpty();
                    if (!BinaryVerifier.hasReadableBuildInfo(header)) {
                        assertThat(target.goarch()).isEqualTo("wasm");
                        return;
                    }
                    String info = GoCommand.of(go.goRoot(), "version", "-m", binary.toString())
                            .captureStdout()
                            .run()
                            .requireSuccess()
                            .stdout();
                    assertThat(BinaryVerifier.buildInfoMismatches(GoBuildInfo.parse(info), target, OPTIONS))
                            .isEmpty();
                }));
    }

    @Test
    void wordSizeAndByteOrderAreRead() {
        assertThat(BinaryInspector.inspect(BINARIES.get("linux/mips64")).bigEndian())
                .isTrue();
        assertThat(BinaryInspector.inspect(BINARIES.get("linux/arm64")).bigEndian())
                .isFalse();
        assertThat(BinaryInspector.inspect(BINARIES.get("linux/386")).bits()).isEqualTo(32);
        assertThat(BinaryInspector.inspect(BINARIES.get("linux/amd64")).bits()).isEqualTo(64);
    }

    @Test
    void aBinaryForAnotherPlatformIsReportedWithBothValues() {
        BuildTarget asked = BuildTarget.parse("linux/arm64", new Platform("linux", "amd64"));
        BinaryHeader found = BinaryInspector.inspect(BINARIES.get("linux/amd64"));
        assertThat(BinaryVerifier.headerMismatches(found, asked))
                .singleElement()
                .asString()
                .contains("expected GOARCH arm64")
                .contains("found amd64");
        BinaryHeader windows = BinaryInspector.inspect(BINARIES.get("windows/amd64"));
        assertThat(BinaryVerifier.headerMismatches(windows, BuildTarget.parse("linux/amd64", go.platform())))
                .singleElement()
                .asString()
                .contains("expected an executable for GOOS linux")
                .contains("PE");
    }

    @Test
    void somethingThatIsNoExecutableIsRefused() throws IOException {
        Path text = Files.writeString(work.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> BinaryInspector.inspect(text))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is not an executable");
    }

    @Test
    void buildInfoRecordsTheSettings() {
        Map<String, String> settings = GoBuildInfo.parse(String.join(
                        "\n",
                        List.of(
                                "/tmp/app: go1.22.5",
                                "\tpath\texample.com/app",
                                "\tmod\texample.com/app\t(devel)\t",
                                "\tbuild\t-buildmode=exe",
                                "\tbuild\t-ldflags=\"-s -w\"",
                                "\tbuild\t-trimpath=true",
                                "\tbuild\tCGO_ENABLED=0",
                                "\tbuild\tGOARCH=amd64",
                                "\tbuild\tGOOS=linux",
                                "\tbuild\tGOAMD64=v3")))
                .settings();
        assertThat(settings)
                .containsEntry("-ldflags", "-s -w")
                .containsEntry("GOAMD64", "v3")
                .containsEntry("-trimpath", "true");
    }
}
