package dev.gomvn.cgo.zig;

import dev.gomvn.core.Platform;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.toolchain.SdkSources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Which Zig a cgo build compiles C with and where it comes from.
 *
 * @param version the Zig version, e.g. {@code 0.17.1} or {@code 0.15.0-dev.1+abc}; null for the artifact's version,
 *     or else {@link ZigProvisioner#DEFAULT_VERSION}
 * @param downloadRoot a base URL (http, https or file:) holding the archives as ziglang.org names them, each with its
 *     {@code .minisig} beside it; null for ziglang.org's directory of that version
 * @param sha256 the pinned SHA-256 of the archive for this platform, or null to trust the minisign signature
 * @param publicKey the minisign public key that signs the archives (base64, as minisign prints it); null for the Zig
 *     project's {@link ZigProvisioner#ZIG_PUBLIC_KEY}, another for a mirror that re-signs with its own key
 * @param artifact the archive as a Maven artifact, or null
 * @param platform the platform Zig runs on (this machine's)
 * @param cacheDirectory where verified Zig installations are kept, one directory per version and platform
 * @param network offline mode, proxies, timeouts and credentials for the download root
 * @param lockTimeout how long to wait for another build installing the same Zig
 */
public record ZigRequest(
        String version,
        String downloadRoot,
        String sha256,
        String publicKey,
        SdkSources.SdkArtifact artifact,
        Platform platform,
        Path cacheDirectory,
        NetworkSettings network,
        Duration lockTimeout) {

    public ZigRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        version = blankToNull(version);
        downloadRoot = blankToNull(downloadRoot);
        sha256 = blankToNull(sha256);
        publicKey = blankToNull(publicKey);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
