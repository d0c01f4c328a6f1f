package dev.gomvn.core.provision.install;

import dev.gomvn.core.Platform;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A verified Go SDK in the cache.
 *
 * @param home the GOROOT, holding {@code bin/go}
 * @param goVersion the version with its prefix, e.g. {@code go1.22.5}
 * @param platform the platform the SDK runs on
 * @param archiveName the file it was installed from, e.g. {@code go1.22.5.linux-amd64.tar.gz} or the
 *     toolchain module zip {@code v0.0.1-go1.22.5.linux-amd64.zip}
 * @param recordedSha256 the SHA-256 of the archive it was installed from, as recorded at install
 *     time; compare a pinned digest against it instead of re-hashing
 * @param digestSource where the digest that was checked at install time came from
 * @param freshlyInstalled true if this call downloaded and installed it, false for a cache hit
 */
public record InstalledSdk(
        Path home,
        String goVersion,
        Platform platform,
        String archiveName,
        String recordedSha256,
        String digestSource,
        boolean freshlyInstalled) {

    /**
     * The SDK gomvn verified and installed at {@code home}, as its {@code .gomvn-verified} marker records it; empty
     * for a Go that gomvn did not install there (a local GOROOT), whose archive digest nobody checked.
     *
     * @param goVersion the version with its prefix, e.g. {@code go1.22.5}
     */
    public static Optional<InstalledSdk> verifiedAt(Path home, String goVersion, Platform platform) {
        return InstallMarker.readFrom(home, goVersion, platform)
                .map(marker -> new InstalledSdk(
                        home,
                        goVersion,
                        platform,
                        marker.archiveName(),
                        marker.sha256(),
                        marker.digestSource(),
                        false));
    }

    /** {@code bin/go}, or {@code bin/go.exe} for a Windows SDK. */
    public Path goExecutable() {
        return home.resolve("bin").resolve("go" + platform.executableSuffix());
    }
}
