package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.cgo.CgoSettings;
import dev.gomvn.core.cgo.CgoTarget;
import dev.gomvn.core.process.PerRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The flags of a {@code go build}, the same for every target. Defaults make builds reproducible:
 * {@code -trimpath} drops local paths, {@code -buildvcs=false} keeps the working tree's state out,
 * and nothing stamps the wall clock, so the same commit gives byte-identical binaries.
 *
 * @param cgo             {@code go.cgo}; off by default so cross builds need no C toolchain
 * @param buildVcs        {@code go.buildvcs}: {@code false}, {@code true} or {@code auto}
 * @param linkerVariables {@code -X importpath.name=value} pairs; values may contain spaces
 * @param buildFlags      further flags, written as on a command line ({@code -race -gcflags='all=-N -l'})
 * @param environment     the complete environment go runs with: the process environment with the user's
 *                        variables (GOFLAGS, GOPROXY, CC ...) over it
 * @param perRun          what each go build alone may see (the shared build cache's one-shot store settings)
 * @param cgoSettings     with cgo on, each target's C compiler, glibc floor and pkg-config directories
 */
public record BuildOptions(
        boolean cgo,
        boolean trimpath,
        String buildVcs,
        String tags,
        String ldflags,
        Map<String, String> linkerVariables,
        String buildFlags,
        Map<String, String> environment,
        PerRun perRun,
        CgoSettings cgoSettings) {

    /** GO* variables that say where caches, modules and telemetry live, not what is built. */
    private static final Set<String> NOT_SHAPING = Set.of(
            "GOCACHE",
            "GOMODCACHE",
            "GOPATH",
            "GOTMPDIR",
            "GOPROXY",
            "GONOPROXY",
            "GOPRIVATE",
            "GONOSUMDB",
            "GOSUMDB",
            "GOINSECURE",
            "GOVCS",
            "GOTELEMETRY",
            "GOTELEMETRYDIR",
            "GOAUTH",
            "GOCACHEPROG");

    private static final Set<String> C_TOOLCHAIN = Set.of("CC", "CXX", "FC", "AR", "PKG_CONFIG", "GCCGO");

    public BuildOptions {
        buildVcs = buildVcs == null || buildVcs.isBlank() ? "false" : buildVcs.trim();
        if (!List.of("true", "false", "auto").contains(buildVcs)) {
            throw new ConfigurationException(
                    "go.buildvcs", "<buildVcs> (go.buildvcs) is '" + buildVcs + "'; use true, false or auto.");
        }
        tags = tags == null ? "" : tags.trim();
        ldflags = ldflags == null ? "" : ldflags.trim();
        // Sorted, so that the -X flags and the up-to-date fingerprint are the same in every run.
        linkerVariables =
                linkerVariables == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(linkerVariables));
        linkerVariables.keySet().forEach(LinkerFlags::requireVariableName);
        buildFlags = buildFlags == null ? "" : buildFlags.trim();
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        perRun = perRun == null ? PerRun.NOTHING : perRun;
        cgoSettings = cgoSettings == null ? new CgoSettings(null, null) : cgoSettings;
    }

    /**
     * {@code go build ...} arguments for one package, written to {@code output}. {@code -v} makes go name
     * each package as it starts compiling it (packages from the build cache are not named): the build's
     * progress.
     */
    public List<String> buildArguments(Path output, String packagePath) {
        List<String> arguments = new ArrayList<>(List.of("build", "-v"));
        arguments.addAll(flags());
        arguments.add("-o");
        arguments.add(output.toString());
        arguments.add(packagePath);
        return arguments;
    }

    /**
     * {@code go list -deps -f <format> ...} arguments for one package with the flags of its build, so
     * that go list's {@code .Stale} answers for exactly the build that follows.
     */
    public List<String> listDependenciesArguments(String format, String packagePath) {
        List<String> arguments = new ArrayList<>(List.of("list", "-deps", "-f", format));
        arguments.addAll(flags());
        arguments.add(packagePath);
        return arguments;
    }

    /** Whether the user asked go for package names ({@code -v} in go.buildFlags or GOFLAGS) and so wants to see them. */
    public boolean packageNamesAsked() {
        List<String> asked = new ArrayList<>(GoQuoting.split(buildFlags, "go.buildFlags"));
        asked.addAll(List.of(environment.getOrDefault("GOFLAGS", "").trim().split("\\s+")));
        return asked.stream().anyMatch(flag -> flag.equals("-v") || flag.equals("-v=true") || flag.equals("--v"));
    }

    /** The flags go build and go list share. */
    private List<String> flags() {
        List<String> arguments = new ArrayList<>();
        if (trimpath) {
            arguments.add("-trimpath");
        }
        arguments.add("-buildvcs=" + buildVcs);
        if (!tags.isEmpty()) {
            arguments.add("-tags=" + tags);
        }
        String linker = LinkerFlags.of(ldflags, linkerVariables);
        if (!linker.isEmpty()) {
            arguments.add("-ldflags=" + linker);
        }
        arguments.addAll(GoQuoting.split(buildFlags, "go.buildFlags"));
        return arguments;
    }

    /**
     * The variables for one target: GOOS, GOARCH, its variant (GOARM, GOAMD64 ...), CGO_ENABLED, and with cgo on its C
     * compiler ({@link CgoSettings}), which fails here, before anything compiles, when the target has none.
     */
    public Map<String, String> environment(BuildTarget target, Platform host) {
        Map<String, String> result = new LinkedHashMap<>(environment);
        result.putAll(target.environment());
        result.put("CGO_ENABLED", cgo ? "1" : "0");
        cgoTarget(target, host).ifPresent(c -> result.putAll(c.environment()));
        return result;
    }

    /** Why the target's cgo build failed, when its C compiler can tell (a C function newer than its glibc floor). */
    public Optional<String> explainCgoFailure(BuildTarget target, List<String> goSaid) {
        return cgo ? cgoSettings.explainFailure(target, environment, goSaid) : Optional.empty();
    }

    /** How cgo is set up for the target, and what its binaries are held to; empty with cgo off. */
    public Optional<CgoTarget> cgoTarget(BuildTarget target, Platform host) {
        if (!cgo) {
            return Optional.empty();
        }
        Map<String, String> goes = new LinkedHashMap<>(environment);
        goes.putAll(target.environment());
        return Optional.of(cgoSettings.forTarget(target, goes, host));
    }

    /**
     * What decides a target's binary, for the up-to-date check: the flags and the variables go build
     * reads as settings (GOFLAGS, GOEXPERIMENT, GOAMD64 ...; CC, CXX, CGO_* when cgo is on). Not the
     * rest of the process environment, where a changed PWD or MAVEN_CMD_LINE_ARGS is no reason to
     * rebuild, and not where caches and modules come from.
     */
    public String fingerprint(BuildTarget target, Platform host) {
        return compileFingerprint(target, host) + " ldflags=" + ldflags + " linkerVariables=" + linkerVariables;
    }

    /**
     * The part of the {@link #fingerprint} that shapes compiling, not only linking: two builds that differ in
     * their -X version stamps alone compile the same packages.
     */
    public String compileFingerprint(BuildTarget target, Platform host) {
        Map<String, String> shaping = new TreeMap<>();
        environment(target, host).forEach((name, value) -> {
            if (shapesTheBuild(name)) {
                shaping.put(name, value);
            }
        });
        String cCompiler = cgoTarget(target, host)
                .map(c -> " cCompiler=" + c.compilerIdentity())
                .orElse("");
        return "cgo=" + cgo + " trimpath=" + trimpath + " buildvcs=" + buildVcs + " tags=" + tags + " buildFlags="
                + buildFlags + " environment=" + shaping + cCompiler;
    }

    private boolean shapesTheBuild(String name) {
        // GOMVN_*: the shared build cache's settings, whose outputs are verified to be what go would build.
        if (NOT_SHAPING.contains(name) || name.startsWith("GOMVN_")) {
            return false;
        }
        if (name.startsWith("GO")) {
            return true;
        }
        boolean cToolchain = name.startsWith("CGO_")
                || C_TOOLCHAIN.contains(name)
                || name.startsWith("CC_FOR_")
                || name.startsWith("CXX_FOR_");
        return cgo && cToolchain;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Named settings, so that two of one type cannot be swapped; unset ones take the record's defaults. */
    public static final class Builder {
        private boolean cgo;
        private boolean trimpath = true;
        private String buildVcs;
        private String tags;
        private String ldflags;
        private Map<String, String> linkerVariables;
        private String buildFlags;
        private Map<String, String> environment;
        private PerRun perRun;
        private CgoSettings cgoSettings;

        private Builder() {}

        public Builder cgo(boolean value) {
            cgo = value;
            return this;
        }

        public Builder trimpath(boolean value) {
            trimpath = value;
            return this;
        }

        public Builder buildVcs(String value) {
            buildVcs = value;
            return this;
        }

        public Builder tags(String value) {
            tags = value;
            return this;
        }

        public Builder ldflags(String value) {
            ldflags = value;
            return this;
        }

        public Builder linkerVariables(Map<String, String> value) {
            linkerVariables = value;
            return this;
        }

        public Builder buildFlags(String value) {
            buildFlags = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder perRun(PerRun value) {
            perRun = value;
            return this;
        }

        public Builder cgoSettings(CgoSettings value) {
            cgoSettings = value;
            return this;
        }

        public BuildOptions build() {
            return new BuildOptions(
                    cgo,
                    trimpath,
                    buildVcs,
                    tags,
                    ldflags,
                    linkerVariables,
                    buildFlags,
                    environment,
                    perRun,
                    cgoSettings);
        }
    }
}
