package dev.gomvn.core.cgo;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.binary.DottedVersion;
import dev.gomvn.core.gobuild.BuildTarget;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** clang's "call to undeclared function 'f'" and a linker's "undefined symbol: f" / "undefined reference to `f'". */
    private static final Pattern MISSING_FUNCTION = Pattern.compile(
            "undeclared function '([A-Za-z_][A-Za-z0-9_]*)'|undefined (?:symbol: |reference to `)([A-Za-z_][A-Za-z0-9_]*)");

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
        // go's own default, which its link passes to the C compiler.
        provided.prepare(target, version, environment.getOrDefault("CGO_LDFLAGS", "-O2 -g"));
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

    /**
     * Why a target the provided compiler built against a glibc floor failed, when go's output names C functions that
     * floor lacks: {@code getrandom is in glibc 2.25 and later; ...}. Zig declares and links only what the floor's
     * glibc has, so a newer function fails there, not on the node.
     */
    public Optional<String> explainFailure(BuildTarget target, Map<String, String> environment, List<String> output) {
        if (provided == null
                || !target.goos().equals("linux")
                || target.libc().musl()
                || givenCompilerVariable(target, environment).isPresent()) {
            return Optional.empty();
        }
        String floor =
                target.libc().floor().or(() -> Optional.ofNullable(glibcFloor)).orElse(DEFAULT_GLIBC_FLOOR);
        Map<String, String> newer = new LinkedHashMap<>();
        for (String line : output) {
            Matcher missing = MISSING_FUNCTION.matcher(line);
            while (missing.find()) {
                String function = missing.group(1) != null ? missing.group(1) : missing.group(2);
                provided.firstGlibcWith(function, target)
                        .filter(version -> compareVersions(version, floor) > 0)
                        .ifPresent(version -> newer.putIfAbsent(function, version));
            }
        }
        if (newer.isEmpty()) {
            return Optional.empty();
        }
        String highest =
                newer.values().stream().max(CgoSettings::compareVersions).orElseThrow();
        List<String> named = new ArrayList<>();
        newer.forEach((function, version) -> named.add(function + " is in glibc " + version + " and later"));
        return Optional.of("(gomvn: " + String.join(", ", named) + "; " + target + " is built against glibc " + floor
                + ", its floor. Raise the floor to " + highest + " with <glibc>" + highest + "</glibc> or "
                + target.platform() + "@glibc" + highest + " if the nodes have it, or do without.)");
    }

    /** 2.9 < 2.17 < 2.25: glibc versions compare by number, as the run-time check compares them. */
    private static int compareVersions(String a, String b) {
        return DottedVersion.parse(a)
                .orElseThrow()
                .compareTo(DottedVersion.parse(b).orElseThrow());
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
