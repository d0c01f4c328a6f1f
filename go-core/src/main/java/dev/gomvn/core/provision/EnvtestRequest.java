package dev.gomvn.core.provision;

import dev.gomvn.core.Platform;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.toolchain.SdkSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Which envtest binaries a build needs and where they come from.
 *
 * @param version the Kubernetes version, e.g. {@code 1.31.0} (a leading {@code v} is accepted); may be
 *     null with an artifact, whose version it then is
 * @param downloadRoot a base URL (http, https or file:) holding {@code envtest-v<version>-<goos>-<goarch>.tar.gz}
 *     as controller-tools publishes them, and ideally a {@code .sha256} beside each; or null
 * @param sha256 the pinned SHA-256 of the archive for this platform, or null
 * @param sha512 the pinned SHA-512 of the archive for this platform (as envtest-releases.yaml lists it), or null
 * @param artifact the archive as a Maven artifact, or null
 * @param platform the platform the binaries run on (this machine's)
 * @param cacheDirectory where verified binaries are kept, one directory per version and platform
 */
public record EnvtestRequest(
        String version,
        String downloadRoot,
        String sha256,
        String sha512,
        SdkSources.SdkArtifact artifact,
        Platform platform,
        Path cacheDirectory,
        NetworkSettings network,
        Duration lockTimeout) {

    public EnvtestRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        version = blankToNull(version);
        downloadRoot = blankToNull(downloadRoot);
        sha256 = blankToNull(sha256);
        sha512 = blankToNull(sha512);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
