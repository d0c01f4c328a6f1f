package dev.gomvn.cgo.zig;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.provision.install.ArchiveLayout;
import dev.gomvn.core.provision.install.TarCompression;
import java.util.List;
import java.util.Map;
import org.tukaani.xz.XZInputStream;

/**
 * The Zig download for one platform, named as ziglang.org names them since 0.14.1: {@code
 * zig-<arch>-<os>-<version>.tar.xz} ({@code .zip} for Windows), every entry under {@code zig-<arch>-<os>-<version>/}.
 *
 * @param arch Zig's name of the CPU, e.g. {@code x86_64}
 * @param os Zig's name of the operating system, e.g. {@code macos}
 * @param version the Zig version
 */
record ZigArchive(String arch, String os, String version) {
    static final TarCompression TAR_XZ = new TarCompression(List.of(".tar.xz"), XZInputStream::new);

    private static final Map<String, String> ARCHES = Map.of(
            "amd64", "x86_64",
            "arm64", "aarch64",
            "386", "x86",
            "arm", "arm",
            "riscv64", "riscv64",
            "ppc64le", "powerpc64le",
            "loong64", "loongarch64",
            "s390x", "s390x");
    private static final Map<String, String> OSES =
            Map.of("linux", "linux", "darwin", "macos", "windows", "windows", "freebsd", "freebsd");

    /** The archive that runs on {@code platform}; a platform Zig publishes nothing for is refused. */
    static ZigArchive of(Platform platform, String version) {
        String arch = ARCHES.get(platform.goarch());
        String os = OSES.get(platform.goos());
        if (arch == null || os == null) {
            throw new ConfigurationException(
                    "go.cgo",
                    "This build runs on " + platform + ", for which ziglang.org publishes no Zig, so gomvn has no C"
                            + " compiler for <cgo> (go.cgo) here. Set CC in <environment> to a C compiler for the target.");
        }
        return new ZigArchive(arch, os, version);
    }

    /** The directory every entry sits under, and the file name without its extension. */
    String topDirectory() {
        return "zig-" + arch + "-" + os + "-" + version;
    }

    String fileName() {
        return topDirectory() + (os.equals("windows") ? ".zip" : ".tar.xz");
    }

    /** This archive as {@code extension} ({@code tar.xz} or {@code zip}), as a Maven artifact may hold it. */
    String fileName(String extension) {
        return topDirectory() + "." + extension;
    }

    ArchiveLayout layout() {
        return new ArchiveLayout(topDirectory(), false);
    }
}
