package dev.gomvn.core.provision;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.provision.download.ChecksumResolver;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.ExpectedDigest;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.install.InstalledSdk;
import dev.gomvn.core.provision.install.SdkCache;
import dev.gomvn.core.provision.install.SdkInstallRequest;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionOutput;
import dev.gomvn.core.version.GoVersionRange;
import java.util.Optional;

/**
 * Puts exactly one Go version on this machine, verified: the cache when it already holds it,
 * otherwise a download whose SHA-256 must match a digest from a trusted source before anything is
 * extracted. There is no path that runs an unverified SDK.
 */
public final class SdkProvisioner {
    private final GoLog log;

    public SdkProvisioner(GoLog log) {
        this.log = log;
    }

    public Toolchain provision(GoVersion version, ToolchainRequest request, String reason) {
        Platform platform = request.platform();
        String versionName = version.withGoPrefix();
        SdkCache cache = new SdkCache(request.sdkDirectory(), log, request.lockTimeout());
        Optional<InstalledSdk> cached = cache.find(versionName, platform);
        String pinned = pinnedDigest(request);
        if (cached.isPresent()) {
            InstalledSdk sdk = cached.get();
            if (!pinned.isEmpty() && !pinned.equalsIgnoreCase(sdk.recordedSha256())) {
                throw new VerificationException("The cached Go SDK " + sdk.home() + " was installed from an archive with SHA-256 "
                        + sdk.recordedSha256() + ", but <sha256> (go.sha256) pins " + pinned
                        + ". Delete that directory to provision the pinned archive, or correct the pin.");
            }
            return toolchain(sdk, version, "cached in " + sdk.home() + ", SHA-256 verified at install against " + sdk.digestSource(),
                    reason);
        }
        if (request.network().offline()) {
            throw new EnvironmentException("Go " + version + " for " + platform + " is not in the SDK cache "
                    + request.sdkDirectory() + " and Maven runs offline (-o); run once online, or set <goRoot> (go.root) to an installed Go.");
        }
        DownloadRoot root = DownloadRoot.parse(request.downloadRoot());
        String archiveName = platform.archiveName(versionName);
        HttpDownloader downloader = new HttpDownloader(request.network(), log);
        ExpectedDigest expected = new ChecksumResolver(downloader, log)
                .resolve(root, archiveName, request.pinnedSha256(), request.pinnedSha256ByPlatform(), platform);
        InstalledSdk sdk = cache.install(new SdkInstallRequest(versionName, platform, archiveName, expected.sha256Hex(),
                expected.source(),
                temporaryArchive -> downloader.download(root.archiveUri(archiveName), temporaryArchive),
                home -> checkReportedVersion(home, version, platform)));
        return toolchain(sdk, version, "downloaded from " + root.archiveUri(archiveName) + ", SHA-256 verified against "
                + expected.source(), reason);
    }

    /** The newest stable release in the range that the download root offers for this platform. */
    public Optional<GoVersion> newestStable(ToolchainRequest request, GoVersionRange range) {
        if (request.network().offline()) {
            throw new EnvironmentException("Resolving <version> (go.version) " + request.versionSpec()
                    + " needs the list of releases at " + request.downloadRoot()
                    + ", but Maven runs offline (-o); pin an exact version that is already cached.");
        }
        DownloadRoot root = DownloadRoot.parse(request.downloadRoot());
        return new AvailableReleases(new HttpDownloader(request.network(), log), root).versionsFor(request.platform())
                .stream()
                .filter(range::contains)
                .filter(GoVersion::isStable)
                .max(GoVersion::compareTo);
    }

    private static String pinnedDigest(ToolchainRequest request) {
        String byPlatform = request.pinnedSha256ByPlatform().get(request.platform().goos() + "-" + request.platform().goarch());
        return byPlatform != null ? byPlatform.trim() : request.pinnedSha256();
    }

    /** A freshly extracted SDK must report the version and platform we asked for, or it is not installed. */
    private static void checkReportedVersion(java.nio.file.Path home, GoVersion version, Platform platform) {
        GoVersionOutput reported = GoVersion.fromGoVersionOutput(dev.gomvn.core.process.GoCommand.of(home, "version")
                .captureStdout().run().requireSuccess().stdout().strip());
        if (reported.version().compareTo(version) != 0 || !reported.goos().equals(platform.goos())
                || !reported.goarch().equals(platform.goarch())) {
            throw new VerificationException("The downloaded SDK reports 'go" + reported.version() + " " + reported.goos() + "/"
                    + reported.goarch() + "' but go" + version + " " + platform + " was requested; the archive at the download root "
                    + "is mislabelled, so nothing was installed.");
        }
    }

    private static Toolchain toolchain(InstalledSdk sdk, GoVersion version, String how, String reason) {
        return new Toolchain(sdk.home(), version, sdk.platform(), "Go SDK " + how + " (chosen by " + reason + ")");
    }
}
