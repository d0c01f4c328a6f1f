package dev.gomvn.plugin;

import dev.gomvn.cgo.zig.ZigCCompiler;
import dev.gomvn.cgo.zig.ZigInstallation;
import dev.gomvn.cgo.zig.ZigProvisioner;
import dev.gomvn.cgo.zig.ZigRequest;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.cgo.CgoSettings;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.ToolchainRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The C side of go:build's cgo targets: the build's glibc floor, and Zig, verified and cached beside the Go SDKs, for
 * the targets whose environment names no C compiler. Zig is provisioned only when a target needs it.
 */
final class CgoCompilers {
    private CgoCompilers() {}

    static CgoSettings settings(
            String glibcFloor,
            Zig zig,
            List<BuildTarget> targets,
            Map<String, String> environment,
            ToolchainRequest toolchain,
            Function<String, SdkSources.SdkArtifact> artifacts,
            GoLog log) {
        List<BuildTarget> needingZig = targets.stream()
                .filter(target ->
                        CgoSettings.givenCompilerVariable(target, environment).isEmpty())
                .toList();
        if (needingZig.isEmpty()) {
            return new CgoSettings(glibcFloor, null);
        }
        Zig asked = zig;
        ZigInstallation installed = new ZigProvisioner(log)
                .provision(new ZigRequest(
                        asked.version,
                        asked.downloadRoot,
                        asked.sha256,
                        asked.publicKey,
                        asked.artifact == null || asked.artifact.isBlank() ? null : artifacts.apply(asked.artifact),
                        Platform.host(),
                        toolchain.sdkDirectory().resolve("zig"),
                        toolchain.network(),
                        toolchain.lockTimeout()));
        log.info("C compiler for cgo on "
                + needingZig.stream().map(BuildTarget::toString).collect(Collectors.joining(", "))
                + ": Zig " + installed.version() + " (" + installed.zigExecutable() + ", verified by "
                + installed.verifiedBy() + ")");
        return new CgoSettings(
                glibcFloor,
                new ZigCCompiler(
                        installed.zigExecutable(),
                        installed.version(),
                        installed.archiveSha256(),
                        toolchain.sdkDirectory().resolve("zig-cache")));
    }
}
