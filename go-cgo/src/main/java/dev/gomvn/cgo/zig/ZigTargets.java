package dev.gomvn.cgo.zig;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.gobuild.BuildTarget;
import java.util.Map;

/**
 * The {@code zig cc -target} triple of a Go target: architecture, OS and ABI, with the glibc version a glibc target
 * is built against ({@code aarch64-linux-gnu.2.28}), so that its binaries need no newer glibc than the floor.
 */
final class ZigTargets {
    private static final Map<String, String> ARCHITECTURES = Map.ofEntries(
            Map.entry("amd64", "x86_64"),
            Map.entry("arm64", "aarch64"),
            Map.entry("386", "x86"),
            Map.entry("arm", "arm"),
            Map.entry("riscv64", "riscv64"),
            Map.entry("ppc64le", "powerpc64le"),
            Map.entry("ppc64", "powerpc64"),
            Map.entry("s390x", "s390x"),
            Map.entry("mips", "mips"),
            Map.entry("mipsle", "mipsel"),
            Map.entry("mips64", "mips64"),
            Map.entry("mips64le", "mips64el"),
            Map.entry("loong64", "loongarch64"));

    private static final Map<String, String> OPERATING_SYSTEMS =
            Map.of("linux", "linux", "windows", "windows", "darwin", "macos", "freebsd", "freebsd");

    private ZigTargets() {}

    static String triple(BuildTarget target, String glibcVersion) {
        String arch = ARCHITECTURES.get(target.goarch());
        String os = OPERATING_SYSTEMS.get(target.goos());
        if (arch == null || os == null) {
            throw new ConfigurationException(
                    "go.targets",
                    "Zig, the C compiler gomvn provides for cgo, does not build for " + target + "; set CC_FOR_"
                            + target.goos() + "_" + target.goarch() + " in <environment> to a C cross compiler for it,"
                            + " or build it with cgo off.");
        }
        return switch (os) {
            case "linux" -> arch + "-linux-" + linuxAbi(target, glibcVersion);
            case "windows" -> arch + "-windows-gnu";
            default -> arch + "-" + os;
        };
    }

    /** gnu/musl, with ARM's float ABI (GOARM=5 is soft float: armel) and MIPS64's n64. */
    private static String linuxAbi(BuildTarget target, String glibcVersion) {
        String libc = target.libc().musl() ? "musl" : "gnu";
        String suffix = "";
        if (target.goarch().equals("arm")) {
            boolean softFloat = target.variantValue()
                    .map(v -> v.startsWith("5") || v.contains("softfloat"))
                    .orElse(false);
            suffix = softFloat ? "eabi" : "eabihf";
        } else if (target.goarch().startsWith("mips64")) {
            suffix = "abi64";
        }
        return libc + suffix + (target.libc().musl() ? "" : "." + glibcVersion);
    }
}
