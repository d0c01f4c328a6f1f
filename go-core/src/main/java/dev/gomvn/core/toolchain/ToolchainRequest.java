package dev.gomvn.core.toolchain;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.Platform;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.UrlLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that decides which Go a build uses, as the user configured it. The plugin's goals and
 * the enforcer rules build it from the same {@code go.*} parameters, so one property configures all.
 * Built with {@link #builder()}: named setters, so two settings of one type cannot be swapped.
 *
 * @param goRoot          {@code go.root}: use this installation, never download
 * @param versionSpec     {@code go.version}: exact, range, {@code 1.22.x} or {@code latest}; null for none
 * @param moduleDirectory where go.mod is looked for
 * @param downloadRoot    {@code go.downloadRoot}, go.dev-shaped http(s) or file: base
 * @param pinnedSha256    {@code go.sha256}: one digest, or empty
 * @param pinnedSha256ByPlatform {@code <sha256s>}: digests keyed {@code linux-amd64}
 * @param sdkDirectory    {@code go.sdkDirectory}: the SDK cache
 * @param environment     the complete environment go runs with: the build's process environment
 *                        with the user's variables over it (the core never reads its own process's)
 * @param provisionForGoLine provision go.mod's minimum when the installed Go is older; the enforcer
 *                        rules turn this off to report the too-old Go instead
 * @param sources         {@code go.source}, {@code go.proxy}, {@code go.sumdb}, {@code go.sdkArtifact}
 * @param memo            what this build already learned from go binaries (the Maven session's); a new one
 *                        when unset
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
        SdkSources sources,
        BuildMemo memo) {

    public static final String DEFAULT_DOWNLOAD_ROOT = "https://go.dev/dl/";

    public ToolchainRequest {
        downloadRoot = downloadRoot == null || downloadRoot.isBlank() ? DEFAULT_DOWNLOAD_ROOT : downloadRoot.trim();
        versionSpec = versionSpec == null || versionSpec.isBlank() ? null : versionSpec.trim();
        pinnedSha256 = pinnedSha256 == null ? "" : pinnedSha256.trim();
        pinnedSha256ByPlatform = pinnedSha256ByPlatform == null ? Map.of() : Map.copyOf(pinnedSha256ByPlatform);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        network = network == null ? NetworkSettings.defaults() : network;
        // A login in the URL leaves it here: logs, messages and the cache's markers see the URL without it.
        URI root = parseQuietly(downloadRoot);
        if (root != null && root.getRawUserInfo() != null) {
            Optional<Credentials> login = UrlLogin.credentials(root, "go.downloadRoot");
            if (network.credentials() == null && login.isPresent()) {
                network = network.withCredentials(login.get());
            }
            downloadRoot = UrlLogin.withoutLogin(root).toString();
        }
        platform = platform == null ? Platform.host() : platform;
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(10) : lockTimeout;
        sources = sources == null ? SdkSources.defaults() : sources;
        memo = memo == null ? new BuildMemo() : memo;
    }

    private static URI parseQuietly(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null; // DownloadRoot names the parameter when the URL is used
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .goRoot(goRoot)
                .versionSpec(versionSpec)
                .moduleDirectory(moduleDirectory)
                .downloadRoot(downloadRoot)
                .pinnedSha256(pinnedSha256)
                .pinnedSha256ByPlatform(pinnedSha256ByPlatform)
                .sdkDirectory(sdkDirectory)
                .network(network)
                .environment(environment)
                .platform(platform)
                .lockTimeout(lockTimeout)
                .provisionForGoLine(provisionForGoLine)
                .sources(sources)
                .memo(memo);
    }

    /** The same request, judging the installed Go against go.mod instead of provisioning a newer one. */
    public ToolchainRequest withoutGoLineProvisioning() {
        return toBuilder().provisionForGoLine(false).build();
    }

    /** Unset values take the defaults documented on the record's components. */
    public static final class Builder {
        private Path goRoot;
        private String versionSpec;
        private Path moduleDirectory;
        private String downloadRoot;
        private String pinnedSha256;
        private Map<String, String> pinnedSha256ByPlatform;
        private Path sdkDirectory;
        private NetworkSettings network;
        private Map<String, String> environment;
        private Platform platform;
        private Duration lockTimeout;
        private boolean provisionForGoLine = true;
        private SdkSources sources;
        private BuildMemo memo;

        private Builder() {}

        public Builder goRoot(Path value) {
            goRoot = value;
            return this;
        }

        public Builder versionSpec(String value) {
            versionSpec = value;
            return this;
        }

        public Builder moduleDirectory(Path value) {
            moduleDirectory = value;
            return this;
        }

        public Builder downloadRoot(String value) {
            downloadRoot = value;
            return this;
        }

        public Builder pinnedSha256(String value) {
            pinnedSha256 = value;
            return this;
        }

        public Builder pinnedSha256ByPlatform(Map<String, String> value) {
            pinnedSha256ByPlatform = value;
            return this;
        }

        public Builder sdkDirectory(Path value) {
            sdkDirectory = value;
            return this;
        }

        public Builder network(NetworkSettings value) {
            network = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder platform(Platform value) {
            platform = value;
            return this;
        }

        public Builder lockTimeout(Duration value) {
            lockTimeout = value;
            return this;
        }

        public Builder provisionForGoLine(boolean value) {
            provisionForGoLine = value;
            return this;
        }

        public Builder sources(SdkSources value) {
            sources = value;
            return this;
        }

        public Builder memo(BuildMemo value) {
            memo = value;
            return this;
        }

        public ToolchainRequest build() {
            return new ToolchainRequest(
                    goRoot,
                    versionSpec,
                    moduleDirectory,
                    downloadRoot,
                    pinnedSha256,
                    pinnedSha256ByPlatform,
                    sdkDirectory,
                    network,
                    environment,
                    platform,
                    lockTimeout,
                    provisionForGoLine,
                    sources,
                    memo);
        }
    }
}
