package dev.gomvn.core.cgo;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a cross cgo build whose pkg-config would read the build machine's own {@code .pc} files: they name the
 * host's headers and libraries, which then get compiled and linked into a binary for another architecture (the
 * classic "ARM64 cross build fails, or links the wrong libssl" of cgo).
 */
final class HostPkgConfigDirectories {
    static final List<String> VARIABLES = List.of("PKG_CONFIG_PATH", "PKG_CONFIG_LIBDIR");

    /** Directories every Unix pkg-config searches for the machine's own architecture. */
    private static final Set<String> GENERIC = Set.of(
            "/usr/lib/pkgconfig",
            "/usr/lib64/pkgconfig",
            "/lib/pkgconfig",
            "/lib64/pkgconfig",
            "/usr/local/lib/pkgconfig",
            "/usr/local/lib64/pkgconfig",
            "/opt/homebrew/lib/pkgconfig");

    private HostPkgConfigDirectories() {}

    static void refuseLeak(Map<String, String> environment, BuildTarget target, Platform host) {
        String hostTriplet = "/" + MultiarchTriplet.of(host.goos(), host.goarch(), null) + "/";
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            for (String entry : value.split(File.pathSeparator)) {
                String directory = entry.strip().replaceAll("/+$", "");
                if (GENERIC.contains(directory) || (directory + "/").contains(hostTriplet)) {
                    throw new ConfigurationException(
                            "go.environment",
                            variable + "=" + value + " names " + directory + ", a pkg-config directory of this"
                                    + " machine (" + host + "), but " + target + " is a cross build: its .pc files"
                                    + " would compile and link this machine's headers and libraries into the "
                                    + target.goarch() + " binary. Set PKG_CONFIG_LIBDIR to the target's directories"
                                    + " (e.g. /usr/lib/" + MultiarchTriplet.of(target.goos(), target.goarch(), null)
                                    + "/pkgconfig, or <sysroot>/usr/lib/pkgconfig) and remove " + directory
                                    + " from PKG_CONFIG_PATH and PKG_CONFIG_LIBDIR, in <environment> or the shell.");
                }
            }
        }
    }
}
