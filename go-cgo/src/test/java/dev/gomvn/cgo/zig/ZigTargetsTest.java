package dev.gomvn.cgo.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZigTargetsTest {
    private static final Platform HOST = new Platform("linux", "amd64");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "linux/amd64, x86_64-linux-gnu.2.28",
        "linux/arm64, aarch64-linux-gnu.2.28",
        "linux/arm64@musl, aarch64-linux-musl",
        "linux/amd64@glibc2.17, x86_64-linux-gnu.2.28",
        "linux/arm/7, arm-linux-gnueabihf.2.28",
        "linux/arm/5, arm-linux-gnueabi.2.28",
        "linux/arm/6@musl, arm-linux-musleabihf",
        "linux/386, x86-linux-gnu.2.28",
        "linux/riscv64, riscv64-linux-gnu.2.28",
        "linux/ppc64le, powerpc64le-linux-gnu.2.28",
        "linux/mips64le, mips64el-linux-gnuabi64.2.28",
        "windows/amd64, x86_64-windows-gnu",
        "windows/arm64, aarch64-windows-gnu",
        "darwin/arm64, aarch64-macos",
        "freebsd/amd64, x86_64-freebsd",
    })
    void eachGoTargetHasItsZigTriple(String spec, String triple) {
        // The glibc version is the caller's (CgoSettings passes the target's floor); 2.28 here for every one.
        assertThat(ZigTargets.triple(BuildTarget.parse(spec, HOST), "2.28")).isEqualTo(triple);
    }

    @ParameterizedTest
    @CsvSource({"js/wasm", "plan9/amd64", "aix/ppc64", "android/arm64"})
    void aTargetZigCannotCompileForNamesTheWayOut(String spec) {
        BuildTarget target = BuildTarget.parse(spec, HOST);
        assertThatThrownBy(() -> ZigTargets.triple(target, "2.28"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("does not build for " + spec + "; set CC_FOR_" + target.goos() + "_"
                        + target.goarch() + " in <environment>");
    }

    @ParameterizedTest
    @CsvSource({"/opt/zig/zig, /opt/zig/zig cc -target", "'/home/my user/zig', '''/home/my user/zig'' cc -target'"})
    void theCompilerCommandQuotesAPathWithSpacesAsGoSplitsIt(String zig, String command) {
        ZigCCompiler compiler = new ZigCCompiler(Path.of(zig), "0.17.1", "ab", Path.of("/cache"));
        assertThat(compiler.environment(BuildTarget.parse("linux/arm64", HOST), "2.17"))
                .containsEntry("CC", command + " aarch64-linux-gnu.2.17")
                .containsEntry("CXX", command.replace(" cc ", " c++ ") + " aarch64-linux-gnu.2.17")
                .containsEntry("ZIG_GLOBAL_CACHE_DIR", "/cache");
        assertThat(compiler.identity()).isEqualTo("zig 0.17.1 sha256:ab");
    }
}
