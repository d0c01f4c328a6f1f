package dev.gomvn.core.toolchain;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.provision.SdkProvisioner;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides which Go a build uses, in this order: {@code go.root} (use it, never download), then
 * {@code go.version}, then the version of {@code go.sdkArtifact}, then the module's go.mod ({@code toolchain} line exactly, else the {@code go}
 * line as a minimum), then the Go installed on this machine. An exact version is always provisioned
 * exactly; a minimum or range is satisfied by an installed Go when one fits, so nothing is downloaded
 * needlessly.
 */
public final class ToolchainResolver {
    private final GoLog log;
    private final SdkProvisioner provisioner;

    public ToolchainResolver(GoLog log) {
        this.log = log;
        this.provisioner = new SdkProvisioner(log);
    }

    public Toolchain resolve(ToolchainRequest request) {
        if (request.goRoot() != null) {
            return fromGoRoot(request);
        }
        if (request.versionSpec() != null) {
            return fromVersionSpec(request);
        }
        if (request.sources().artifact() != null) {
            GoVersion held = GoVersion.parse(request.sources().artifact().goVersion(), "go.sdkArtifact");
            return provisioner.provision(
                    held,
                    request,
                    "go.sdkArtifact " + request.sources().artifact().coordinates());
        }
        Optional<GoModFile> goMod = goMod(request.moduleDirectory());
        if (goMod.isPresent() && goMod.get().toolchain().isPresent()) {
            GoVersion pinned = GoVersion.parse(goMod.get().toolchain().get(), "go.mod toolchain");
            return provisioner.provision(pinned, request, "the toolchain line of go.mod");
        }
        if (goMod.isPresent() && goMod.get().goVersion().isPresent()) {
            GoVersion minimum = goMod.get().goVersion().get().minimumToolchain();
            Optional<Toolchain> installed = installed(request);
            if (installed.isPresent()
                    && (installed.get().version().compareTo(minimum) >= 0 || !request.provisionForGoLine())) {
                return installed.get();
            }
            installed.ifPresent(
                    go -> log.info("The " + go.origin() + " is Go " + go.version() + ", older than go.mod's 'go "
                            + goMod.get().goVersion().get() + "'; provisioning Go " + minimum + "."));
            return provisioner.provision(minimum, request, "the go line of go.mod");
        }
        return installed(request)
                .orElseThrow(() -> new ConfigurationException(
                        "go.version",
                        "No Go found: go.root and go.version are not set, " + describeGoMod(request.moduleDirectory())
                                + " and there is no go on PATH or in GOROOT. Set <version> (go.version) to provision one, "
                                + "or <goRoot> (go.root) to use an installed Go."));
    }

    private Toolchain fromGoRoot(ToolchainRequest request) {
        Toolchain toolchain =
                InstalledGo.at(request.goRoot(), "Go at " + request.goRoot() + " (go.root)", request.memo(), log);
        if (request.versionSpec() != null && !request.versionSpec().equals("latest")) {
            GoVersionRange wanted = versionRange(request.versionSpec());
            if (!wanted.contains(toolchain.version())) {
                throw new ConfigurationException(
                        "go.version",
                        "<goRoot> (go.root) " + request.goRoot() + " is Go "
                                + toolchain.version() + ", but <version> (go.version) asks for " + request.versionSpec()
                                + "; point go.root at a matching Go or remove one of the two.");
            }
        }
        return toolchain;
    }

    private Toolchain fromVersionSpec(ToolchainRequest request) {
        String spec = request.versionSpec();
        if (spec.equals("latest")) {
            GoVersion newest = provisioner
                    .newestStable(request, GoVersionRange.parse("[0,)", "go.version"))
                    .orElseThrow(() -> new ConfigurationException(
                            "go.version",
                            "<version> (go.version) is 'latest', but "
                                    + request.downloadRoot() + " lists no stable Go for " + request.platform()
                                    + "; set an exact version or check <downloadRoot> (go.downloadRoot)."));
            return provisioner.provision(newest, request, "go.version=latest");
        }
        Optional<GoVersion> exact = exactVersion(spec);
        if (exact.isPresent()) {
            return provisioner.provision(exact.get(), request, "go.version");
        }
        GoVersionRange range = versionRange(spec);
        Optional<Toolchain> installed = installed(request);
        if (installed.isPresent() && range.contains(installed.get().version())) {
            return installed.get();
        }
        GoVersion chosen = provisioner
                .newestStable(request, range)
                .orElseThrow(() -> new ConfigurationException(
                        "go.version",
                        "No Go release for " + request.platform() + " at " + request.downloadRoot()
                                + " matches <version> (go.version) " + spec
                                + "; widen the range or check <downloadRoot> (go.downloadRoot)."));
        return provisioner.provision(chosen, request, "go.version " + spec);
    }

    /**
     * {@code 1.22.5}, {@code go1.22.5}, {@code 1.23rc1} and {@code [1.22.5]} name one release. A bare
     * language version such as {@code 1.22} names a release line and is read as {@code 1.22.x}.
     */
    static Optional<GoVersion> exactVersion(String spec) {
        if (spec.startsWith("[") || spec.startsWith("(") || spec.endsWith(".x")) {
            return GoVersionRange.parse(spec, "go.version").exactVersion();
        }
        GoVersion version = GoVersion.parse(spec, "go.version");
        return version.isLanguageVersion() ? Optional.empty() : Optional.of(version);
    }

    static GoVersionRange versionRange(String spec) {
        if (!spec.startsWith("[") && !spec.startsWith("(") && !spec.endsWith(".x")) {
            GoVersion version = GoVersion.parse(spec, "go.version");
            return GoVersionRange.parse(version.isLanguageVersion() ? spec + ".x" : "[" + version + "]", "go.version");
        }
        return GoVersionRange.parse(spec, "go.version");
    }

    private Optional<Toolchain> installed(ToolchainRequest request) {
        return InstalledGo.find(request.environment(), request.memo(), log);
    }

    private static Optional<GoModFile> goMod(Path moduleDirectory) {
        if (moduleDirectory == null) {
            return Optional.empty();
        }
        Path file = moduleDirectory.resolve("go.mod");
        return Files.isRegularFile(file) ? Optional.of(GoModFile.parse(file)) : Optional.empty();
    }

    private static String describeGoMod(Path moduleDirectory) {
        return moduleDirectory == null || !Files.isRegularFile(moduleDirectory.resolve("go.mod"))
                ? "there is no go.mod"
                : "go.mod names no Go version";
    }
}
