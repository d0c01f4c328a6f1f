package dev.gomvn.core.toolchain;

import dev.gomvn.core.Platform;
import dev.gomvn.core.net.NetworkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything that decides which Go a build uses, as the user configured it. The plugin's goals and
 * the enforcer rules build it from the same {@code go.*} properties, so one property configures all.
 *
 * @param goRoot          {@code go.root}: use this installation, never download
 * @param versionSpec     {@code go.version}: exact, range, {@code 1.22.x} or {@code latest}; null for none
 * @param moduleDirectory where go.mod is looked for
 * @param downloadRoot    {@code go.downloadRoot}, go.dev-shaped http(s) or file: base
 * @param pinnedSha256    {@code go.sha256}: one digest, or empty
 * @param pinnedSha256ByPlatform {@code <sha256s>}: digests keyed {@code linux-amd64}
 * @param sdkDirectory    {@code go.sdkDirectory}: the SDK cache
 * @param environment     variables the build passes to go (the plugin's {@code <environment>})
 * @param provisionForGoLine provision go.mod's minimum when the installed Go is older; the enforcer
 *                        rules turn this off to report the too-old Go instead
 * @param sources         {@code go.source}, {@code go.proxy}, {@code go.sumdb}, {@code go.sdkArtifact}
 */
public record ToolchainRequest(
        Path goRoot,
        String versionSpec,
        Path moduleDirectory,
        String downloadRoot,
        String pinnedSha256,
        Map<String, String> pinnedSha256ByPlatform,
        Path sdkDirectory,
        NetworkSettings network,
        Map<String, String> environment,
        Platform platform,
        Duration lockTimeout,
        boolean provisionForGoLine,
        SdkSources sources) {

    public static final String DEFAULT_DOWNLOAD_ROOT = "https://go.dev/dl/";

    public ToolchainRequest(Path goRoot, String versionSpec, Path moduleDirectory, String downloadRoot, String pinnedSha256,
            Map<String, String> pinnedSha256ByPlatform, Path sdkDirectory, NetworkSettings network,
            Map<String, String> environment, Platform platform, Duration lockTimeout) {
        this(goRoot, versionSpec, moduleDirectory, downloadRoot, pinnedSha256, pinnedSha256ByPlatform, sdkDirectory, network,
                environment, platform, lockTimeout, true, SdkSources.defaults());
    }

    /** The same request, judging the installed Go against go.mod instead of provisioning a newer one. */
    public ToolchainRequest withoutGoLineProvisioning() {
        return new ToolchainRequest(goRoot, versionSpec, moduleDirectory, downloadRoot, pinnedSha256, pinnedSha256ByPlatform,
                sdkDirectory, network, environment, platform, lockTimeout, false, sources);
    }

    /** The same request, installing missing SDKs from {@code value}. */
    public ToolchainRequest withSources(SdkSources value) {
        return new ToolchainRequest(goRoot, versionSpec, moduleDirectory, downloadRoot, pinnedSha256, pinnedSha256ByPlatform,
                sdkDirectory, network, environment, platform, lockTimeout, provisionForGoLine, value);
    }

    public ToolchainRequest {
        downloadRoot = downloadRoot == null || downloadRoot.isBlank() ? DEFAULT_DOWNLOAD_ROOT : downloadRoot.trim();
        versionSpec = versionSpec == null || versionSpec.isBlank() ? null : versionSpec.trim();
        pinnedSha256 = pinnedSha256 == null ? "" : pinnedSha256.trim();
        pinnedSha256ByPlatform = pinnedSha256ByPlatform == null ? Map.of() : Map.copyOf(pinnedSha256ByPlatform);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        network = network == null ? NetworkSettings.defaults() : network;
        platform = platform == null ? Platform.host() : platform;
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(10) : lockTimeout;
        sources = sources == null ? SdkSources.defaults() : sources;
    }
}
