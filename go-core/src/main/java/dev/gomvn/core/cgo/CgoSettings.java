package dev.gomvn.core.cgo;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The C side of one build's cgo targets. A C compiler the environment names wins: {@code CC_FOR_<goos>_<goarch>} for
 * that target (what go's own make.bash calls it), else {@code CC}. Any other target gets the {@link ProvidedCCompiler}
 * (Zig), built against the target's glibc floor. Cross targets never read this machine's {@code .pc} files.
 */
public final class CgoSettings {
    /**
     * What a glibc target built by the provided compiler needs at most when nothing else is said: glibc 2.28 is Debian
     * 10's and RHEL 8's, and the oldest Zig builds against by default.
     */
    public static final String DEFAULT_GLIBC_FLOOR = "2.28";

    private final String glibcFloor;
    private final ProvidedCCompiler provided;
    private final Map<String, GivenCCompiler> asked = new ConcurrentHashMap<>();

    /**
     * @param glibcFloor the build's {@code <glibc>} (go.glibc), or null
     * @param provided the compiler for targets whose environment names none, or null when every target names one
     */
    public CgoSettings(String glibcFloor, ProvidedCCompiler provided) {
        this.glibcFloor = glibcFloor == null || glibcFloor.isBlank()
                ? null
                : TargetLibc.requireGlibcVersion(glibcFloor, "go.glibc", null);
        this.provided = provided;
    }

    /** The variable that names {@code target}'s C compiler in {@code environment}, if any does. */
    public static Optional<String> givenCompilerVariable(BuildTarget target, Map<String, String> environment) {
        String own = "CC_FOR_" + target.goos() + "_" + target.goarch();
        if (isSet(environment, own)) {
            return Optional.of(own);
        }
        return isSet(environment, "CC") ? Optional.of("CC") : Optional.empty();
    }

    /** Whether some target needs the provided compiler: only then is Zig provisioned. */
    public static boolean needsProvidedCompiler(List<BuildTarget> targets, Map<String, String> environment) {
        return targets.stream()
                .anyMatch(target -> givenCompilerVariable(target, environment).isEmpty());
    }

    /**
     * @param environment the complete environment go runs with for this target, before this adds to it
     */
    public CgoTarget forTarget(BuildTarget target, Map<String, String> environment, Platform host) {
        boolean cross = !target.goos().equals(host.goos()) || !target.goarch().equals(host.goarch());
        if (cross) {
            HostPkgConfigDirectories.refuseLeak(environment, target, host);
        }
        boolean glibcTarget = target.goos().equals("linux") && !target.libc().musl();
        Optional<String> declared = target.libc().floor().or(() -> Optional.ofNullable(glibcFloor));
        Map<String, String> variables = new LinkedHashMap<>();
        Optional<String> given = givenCompilerVariable(target, environment);
        if (given.isPresent()) {
            String command = environment.get(given.get());
            GivenCCompiler compiler = asked.computeIfAbsent(
                    command + "\n" + environment.getOrDefault("PATH", ""),
                    key -> GivenCCompiler.probe(given.get(), command, environment));
            variables.put("CC", command);
            String cxx = "CXX_FOR_" + target.goos() + "_" + target.goarch();
            if (isSet(environment, cxx)) {
                variables.put("CXX", environment.get(cxx));
            }
            if (cross && !environment.containsKey("PKG_CONFIG_LIBDIR")) {
                variables.putAll(targetPkgConfig(compiler));
            }
            return new CgoTarget(
                    variables,
                    glibcTarget ? declared : Optional.empty(),
                    target.libc().musl(),
                    compiler.identity());
        }
        if (provided == null) {
            if (!cross) {
                // Without a provided compiler (a library caller's choice) the host builds as go would: with go env CC.
                return new CgoTarget(
                        variables,
                        glibcTarget ? declared : Optional.empty(),
                        target.libc().musl(),
                        "go env CC");
            }
            throw new ConfigurationException(
                    "go.cgo",
                    "<cgo> (go.cgo) is on and " + target + " is not this machine's platform (" + host + "), so cgo"
                            + " needs a C cross compiler for it: set CC_FOR_" + target.goos() + "_" + target.goarch()
                            + " (or CC) in <environment>, let gomvn provide Zig, or turn cgo off.");
        }
        String version = declared.orElse(DEFAULT_GLIBC_FLOOR);
        variables.putAll(provided.environment(target, version));
        if (cross && !environment.containsKey("PKG_CONFIG_LIBDIR")) {
            // Zig brings no .pc files: a target library found through pkg-config must come from a sysroot the user
            // names, never from this machine.
            variables.put("PKG_CONFIG_LIBDIR", "");
        }
        return new CgoTarget(
                variables,
                glibcTarget ? Optional.of(version) : Optional.empty(),
                target.libc().musl(),
                provided.identity());
    }

    /** Where a cross compiler's target keeps its .pc files, as Debian's cross pkg-config wrappers search them. */
    private static Map<String, String> targetPkgConfig(GivenCCompiler compiler) {
        String sysroot = compiler.sysroot().equals("/") ? "" : compiler.sysroot();
        Map<String, String> variables = new LinkedHashMap<>();
        String directories = sysroot + "/usr/lib/" + compiler.machine() + "/pkgconfig"
                + (sysroot.isEmpty() ? "" : File.pathSeparator + sysroot + "/usr/lib/pkgconfig")
                + File.pathSeparator + sysroot + "/usr/share/pkgconfig";
        variables.put("PKG_CONFIG_LIBDIR", directories);
        if (!sysroot.isEmpty()) {
            variables.put("PKG_CONFIG_SYSROOT_DIR", sysroot);
        }
        return variables;
    }

    private static boolean isSet(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }
}
