package dev.gomvn.core.cgo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgoSettingsTest {
    private static final Platform HOST = new Platform("linux", "amd64");

    @TempDir
    Path directory;

    /** Records what it was asked for, as Zig would be. */
    private static final class RecordingCompiler implements ProvidedCCompiler {
        final List<String> asked = new ArrayList<>();

        @Override
        public Map<String, String> environment(BuildTarget target, String glibcVersion) {
            asked.add(target + " " + glibcVersion);
            return Map.of("CC", "zig cc -target " + target.goarch() + "." + glibcVersion);
        }

        @Override
        public String identity() {
            return "zig 0.17.1 sha256:abc";
        }

        @Override
        public Optional<String> firstGlibcWith(String function, BuildTarget target) {
            return Optional.ofNullable(Map.of("getrandom", "2.25", "reallocarray", "2.26", "malloc", "2.2.5")
                    .get(function));
        }
    }

    @Test
    void aTargetWithoutACompilerOfItsOwnGetsTheProvidedOneBuiltAgainstItsFloor() {
        RecordingCompiler zig = new RecordingCompiler();
        CgoSettings settings = new CgoSettings("2.31", zig);

        CgoTarget ownFloor = settings.forTarget(target("linux/arm64@glibc2.17"), Map.of(), HOST);
        CgoTarget buildFloor = settings.forTarget(target("linux/arm64"), Map.of(), HOST);
        CgoTarget musl = settings.forTarget(target("linux/arm64@musl"), Map.of(), HOST);

        assertThat(zig.asked)
                .containsExactly("linux/arm64@glibc2.17 2.17", "linux/arm64 2.31", "linux/arm64@musl 2.31");
        assertThat(ownFloor.glibcFloor()).contains("2.17");
        assertThat(buildFloor.glibcFloor()).contains("2.31");
        assertThat(musl.glibcFloor()).isEmpty();
        assertThat(musl.staticRequired()).isTrue();
        assertThat(ownFloor.compilerIdentity()).isEqualTo("zig 0.17.1 sha256:abc");
        // Zig brings no .pc files, and this machine's must not be read for arm64.
        assertThat(ownFloor.environment()).containsEntry("PKG_CONFIG_LIBDIR", "");
    }

    @Test
    void withoutAnyFloorTheProvidedCompilerBuildsForTheDefaultOne() {
        RecordingCompiler zig = new RecordingCompiler();
        CgoTarget host = new CgoSettings(null, zig).forTarget(target("linux/amd64"), Map.of(), HOST);

        assertThat(zig.asked).containsExactly("linux/amd64 " + CgoSettings.DEFAULT_GLIBC_FLOOR);
        assertThat(host.glibcFloor()).contains(CgoSettings.DEFAULT_GLIBC_FLOOR);
        assertThat(host.environment()).doesNotContainKey("PKG_CONFIG_LIBDIR");
        CgoTarget windows = new CgoSettings(null, zig).forTarget(target("windows/amd64"), Map.of(), HOST);
        assertThat(windows.glibcFloor()).isEmpty();
        assertThat(windows.staticRequired()).isFalse();
    }

    @Test
    void theTargetsOwnCompilerWinsOverCcAndOverTheProvidedOne() throws IOException {
        Path bin = fakeCompiler("aarch64-linux-gnu-gcc", "aarch64-linux-gnu", "");
        RecordingCompiler zig = new RecordingCompiler();
        Map<String, String> environment = Map.of(
                "PATH",
                bin.toString(),
                "CC",
                "gcc",
                "CC_FOR_linux_arm64",
                "aarch64-linux-gnu-gcc",
                "CXX_FOR_linux_arm64",
                "aarch64-linux-gnu-g++");

        CgoTarget arm64 = new CgoSettings("2.28", zig).forTarget(target("linux/arm64"), environment, HOST);

        assertThat(zig.asked).isEmpty();
        assertThat(arm64.environment())
                .containsEntry("CC", "aarch64-linux-gnu-gcc")
                .containsEntry("CXX", "aarch64-linux-gnu-g++")
                // Debian's cross pkg-config looks exactly there: the target's multiarch directory.
                .containsEntry("PKG_CONFIG_LIBDIR", "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig");
        assertThat(arm64.compilerIdentity())
                .contains(bin.resolve("aarch64-linux-gnu-gcc").toString())
                .contains("fake gcc 12.2.0");
        assertThat(arm64.glibcFloor()).contains("2.28");
    }

    @Test
    void aCompilerWithASysrootLooksForPcFilesInside() throws IOException {
        Path sysroot = Files.createDirectories(directory.resolve("sysroot"));
        Path bin = fakeCompiler("cross-cc", "riscv64-linux-gnu", sysroot.toString());
        Map<String, String> environment = Map.of("PATH", bin.toString(), "CC", "cross-cc");

        CgoTarget riscv = new CgoSettings(null, null).forTarget(target("linux/riscv64"), environment, HOST);

        assertThat(riscv.environment())
                .containsEntry("PKG_CONFIG_SYSROOT_DIR", sysroot.toString())
                .containsEntry(
                        "PKG_CONFIG_LIBDIR",
                        sysroot + "/usr/lib/riscv64-linux-gnu/pkgconfig:" + sysroot + "/usr/lib/pkgconfig:" + sysroot
                                + "/usr/share/pkgconfig");
    }

    @Test
    void aHostPkgConfigDirectoryInACrossBuildIsRefusedNamingTheVariable() {
        CgoSettings settings = new CgoSettings(null, new RecordingCompiler());
        Map<String, String> leaking =
                Map.of("PKG_CONFIG_PATH", "/opt/arm64/pkgconfig:/usr/lib/x86_64-linux-gnu/pkgconfig");

        assertThatThrownBy(() -> settings.forTarget(target("linux/arm64"), leaking, HOST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PKG_CONFIG_PATH=/opt/arm64/pkgconfig:/usr/lib/x86_64-linux-gnu/pkgconfig names"
                        + " /usr/lib/x86_64-linux-gnu/pkgconfig, a pkg-config directory of this machine (linux/amd64),"
                        + " but linux/arm64 is a cross build")
                .hasMessageContaining("Set PKG_CONFIG_LIBDIR to the target's directories (e.g."
                        + " /usr/lib/aarch64-linux-gnu/pkgconfig");
        assertThatThrownBy(() -> settings.forTarget(
                        target("windows/amd64"), Map.of("PKG_CONFIG_LIBDIR", "/usr/lib/pkgconfig/"), HOST))
                .hasMessageContaining("PKG_CONFIG_LIBDIR=/usr/lib/pkgconfig/ names /usr/lib/pkgconfig");
        // The host's own build may read them, and the target's directory is what a cross build should read.
        assertThat(settings.forTarget(target("linux/amd64"), leaking, HOST).environment())
                .doesNotContainKey("PKG_CONFIG_LIBDIR");
        assertThat(settings.forTarget(
                                target("linux/arm64"),
                                Map.of("PKG_CONFIG_LIBDIR", "/usr/lib/aarch64-linux-gnu/pkgconfig"),
                                HOST)
                        .environment())
                .doesNotContainKey("PKG_CONFIG_LIBDIR");
    }

    @Test
    void aMissingCompilerIsNamedWithItsVariable() {
        Map<String, String> environment =
                Map.of("PATH", directory.toString(), "CC_FOR_linux_arm64", "aarch64-linux-gnu-gcc");

        assertThatThrownBy(() -> new CgoSettings(null, null).forTarget(target("linux/arm64"), environment, HOST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CC_FOR_linux_arm64=aarch64-linux-gnu-gcc: there is no program"
                        + " aarch64-linux-gnu-gcc on the build's PATH");
    }

    @Test
    void aFunctionNewerThanTheFloorIsNamedWithTheGlibcThatHasIt() {
        CgoSettings settings = new CgoSettings("2.17", new RecordingCompiler());
        List<String> goSaid = List.of(
                "./main.go:5:57: error: call to undeclared function 'getrandom'; ISO C99 and later do not support"
                        + " implicit function declarations [-Wimplicit-function-declaration]",
                "ld.lld: error: undefined symbol: reallocarray",
                "ld.lld: error: undefined symbol: malloc");

        assertThat(settings.explainFailure(target("linux/amd64"), Map.of(), goSaid))
                .contains("(gomvn: getrandom is in glibc 2.25 and later, reallocarray is in glibc 2.26 and later;"
                        + " linux/amd64 is built against glibc 2.17, its floor. Raise the floor to 2.26 with"
                        + " <glibc>2.26</glibc> or linux/amd64@glibc2.26 if the nodes have it, or do without.)");
        // A musl target, a given compiler and an unrelated failure have nothing to explain.
        assertThat(settings.explainFailure(target("linux/amd64@musl"), Map.of(), goSaid))
                .isEmpty();
        assertThat(settings.explainFailure(target("linux/amd64"), Map.of("CC", "gcc"), goSaid))
                .isEmpty();
        assertThat(settings.explainFailure(target("linux/amd64"), Map.of(), List.of("main.go:3: syntax error")))
                .isEmpty();
        assertThat(new CgoSettings("2.28", new RecordingCompiler())
                        .explainFailure(target("linux/amd64@glibc2.26"), Map.of(), goSaid))
                .isEmpty();
    }

    @Test
    void aMalformedBuildFloorNamesTheParameter() {
        assertThatThrownBy(() -> new CgoSettings("2.x", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<glibc> (go.glibc) has glibc version '2.x'");
    }

    @Test
    void whichTargetsNeedTheProvidedCompiler() {
        List<BuildTarget> targets = List.of(target("linux/amd64"), target("linux/arm64"));
        assertThat(CgoSettings.needsProvidedCompiler(targets, Map.of("CC_FOR_linux_arm64", "x")))
                .isTrue();
        assertThat(CgoSettings.needsProvidedCompiler(targets, Map.of("CC", "gcc")))
                .isFalse();
        assertThat(CgoSettings.needsProvidedCompiler(
                        targets, Map.of("CC_FOR_linux_arm64", "x", "CC_FOR_linux_amd64", "y")))
                .isFalse();
    }

    private static BuildTarget target(String spec) {
        return BuildTarget.parse(spec, HOST);
    }

    /** A C compiler that answers what a cross gcc answers, and nothing else. */
    private Path fakeCompiler(String name, String machine, String sysroot) throws IOException {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        Path script = bin.resolve(name);
        Files.writeString(
                script,
                "#!/bin/sh\ncase \"$1\" in\n  --version) echo 'fake gcc 12.2.0'; echo 'Copyright';;\n"
                        + "  -dumpmachine) echo '" + machine + "';;\n  -print-sysroot) echo '" + sysroot + "';;\n"
                        + "  *) exit 1;;\nesac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
