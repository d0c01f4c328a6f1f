package dev.gomvn.core.cgo;

import java.util.Map;

/**
 * Debian's multiarch triplet of a Linux platform ({@code aarch64-linux-gnu}): the directory name of its libraries
 * and {@code .pc} files ({@code /usr/lib/aarch64-linux-gnu/pkgconfig}) and the prefix of its cross compiler.
 */
final class MultiarchTriplet {
    private static final Map<String, String> CPU = Map.ofEntries(
            Map.entry("amd64", "x86_64-linux-gnu"),
            Map.entry("arm64", "aarch64-linux-gnu"),
            Map.entry("386", "i386-linux-gnu"),
            Map.entry("ppc64le", "powerpc64le-linux-gnu"),
            Map.entry("ppc64", "powerpc64-linux-gnu"),
            Map.entry("s390x", "s390x-linux-gnu"),
            Map.entry("riscv64", "riscv64-linux-gnu"),
            Map.entry("mips64le", "mips64el-linux-gnuabi64"),
            Map.entry("mipsle", "mipsel-linux-gnu"),
            Map.entry("mips", "mips-linux-gnu"),
            Map.entry("loong64", "loongarch64-linux-gnu"));

    private MultiarchTriplet() {}

    /** The triplet, or {@code <goos>-<goarch>} where Debian has none (it then matches no directory). */
    static String of(String goos, String goarch, String variant) {
        if (goarch.equals("arm")) {
            return variant != null && variant.startsWith("5") ? "arm-linux-gnueabi" : "arm-linux-gnueabihf";
        }
        String triplet = CPU.get(goarch);
        return goos.equals("linux") && triplet != null ? triplet : goos + "-" + goarch;
    }
}
