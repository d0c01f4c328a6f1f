package dev.gomvn.core.provision;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.UnreachableException;
import dev.gomvn.core.provision.download.AvailableReleases;
import dev.gomvn.core.provision.download.ChecksumResolver;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.ExpectedDigest;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.download.NoSuchGoReleaseException;
import dev.gomvn.core.provision.install.ArchiveContentException;
import dev.gomvn.core.provision.install.InstalledSdk;
import dev.gomvn.core.provision.install.SdkCache;
import dev.gomvn.core.provision.install.SdkInstallRequest;
import dev.gomvn.core.provision.install.SdkValidator;
import dev.gomvn.core.provision.proxy.GoProxyList;
import dev.gomvn.core.provision.proxy.ProxyToolchainSource;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts exactly one Go version on this machine, verified: the cache when it already holds it,
 * otherwise an archive that must match a digest from a trusted source before anything is extracted.
 * The archive comes from {@code go.sdkArtifact}, from {@code go.downloadRoot}, or from the Go module
 * proxy (verified against the checksum database) when {@code go.source} says so or the download
 * root cannot be reached. There is no path that runs an unverified SDK.
 */
public final class SdkProvisioner {
    /** Seconds, not the go command's default hour: the check runs under the lock other builds wait for. */
    static final Duration VERSION_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final GoLog log;
    private final Duration versionCheckTimeout;

    public SdkProvisioner(GoLog log) {
        this(log, VERSION_CHECK_TIMEOUT);
    }

    SdkProvisioner(GoLog log, Duration versionCheckTimeout) {
        this.log = log;
        this.versionCheckTimeout = versionCheckTimeout;
    }

    public Toolchain provision(GoVersion version, ToolchainRequest request, String reason) {
        Platform platform = request.platform();
        String versionName = version.withGoPrefix();
        SdkCache cache = new SdkCache(request.sdkDirectory(), log, request.lockTimeout());
        Optional<InstalledSdk> cached = cache.find(versionName, platform);
        if (cached.isPresent()) {
            InstalledSdk sdk = cached.get();
            checkPinAgainstCached(sdk, request);
            return toolchain(
                    sdk,
                    version,
                    "cached in " + sdk.home() + ", verified at install against " + sdk.digestSource(),
                    reason,
                    request);
        }
        try {
            return installMissing(version, request, reason, cache);
        } catch (NoSuchGoReleaseException missing) {
            throw reason.equals("go.version")
                    ? missing.requestedBy(
                            "<version> (go.version) " + request.versionSpec(), "set it to a released Go version")
                    : missing.requestedBy(
                            reason.startsWith("the ") ? "The" + reason.substring(3) : reason,
                            "change that, or set <version> (go.version) to a released Go version");
        }
    }

    private Toolchain installMissing(GoVersion version, ToolchainRequest request, String reason, SdkCache cache) {
        Platform platform = request.platform();
        SdkValidator validator = new ReportedVersionValidator(version, platform, versionCheckTimeout, log);
        SdkSources sources = request.sources();
        if (sources.artifact() != null) {
            return install(cache, fromArtifact(version, request, validator), version, reason, request);
        }
        boolean localRoot = sources.mode() != SdkSources.Mode.PROXY
                && !DownloadRoot.parse(request.downloadRoot()).isHttp();
        if (request.network().offline() && !localRoot) {
            throw new EnvironmentException(
                    "Go " + version + " for " + platform + " is not in the SDK cache " + request.sdkDirectory()
                            + " and Maven runs offline (-o); run once online, or set <goRoot> (go.root) to an installed Go.");
        }
        return fromSource(
                request,
                () -> install(cache, fromDownloadRoot(version, request, validator), version, reason, request),
                proxies -> install(cache, fromProxy(version, request, proxies, validator), version, reason, request),
                (unreachable, proxies) -> "Could not get Go " + version + " from <downloadRoot> (go.downloadRoot) "
                        + request.downloadRoot() + ": " + unreachable + ". Getting it from the Go module proxy ("
                        + proxies.describe() + ") instead, verified against the checksum database.");
    }

    /** The newest stable release in the range that the download root (or the module proxy) offers for this platform. */
    public Optional<GoVersion> newestStable(ToolchainRequest request, GoVersionRange range) {
        if (request.network().offline()) {
            throw new EnvironmentException("Resolving <version> (go.version) " + request.versionSpec()
                    + " needs the list of releases at " + request.downloadRoot()
                    + ", but Maven runs offline (-o); pin an exact version that is already cached.");
        }
        return available(request).stream()
                .filter(range::contains)
                .filter(GoVersion::isStable)
                .max(GoVersion::compareTo);
    }

    private List<GoVersion> available(ToolchainRequest request) {
        return fromSource(
                request,
                () -> downloadRootVersions(request),
                proxies ->
                        new ToolchainProxySettings(request, log).source(proxies).availableVersions(request.platform()),
                (unreachable, proxies) -> "Could not list the Go releases at <downloadRoot> (go.downloadRoot) "
                        + request.downloadRoot() + ": " + unreachable + ". Listing them at the Go module proxy ("
                        + proxies.describe() + ") instead.");
    }

    /**
     * Applies {@code go.source}: the download root, the module proxy, or for {@code auto} the download
     * root and, when it cannot be reached, the module proxy with one {@code warning} logged, given in few words
     * why the download root could not be reached. A missing file (404), a refused login or a file: root is the
     * user's to fix, so that failure stands.
     */
    private <T> T fromSource(
            ToolchainRequest request,
            Supplier<T> fromDownloadRoot,
            Function<GoProxyList, T> fromProxy,
            BiFunction<String, GoProxyList, String> warning) {
        switch (request.sources().mode()) {
            case PROXY:
                return fromProxy.apply(new ToolchainProxySettings(request, log)
                        .goProxy()
                        .orElse(ToolchainProxySettings.defaultGoProxy()));
            case DOWNLOAD:
                return fromDownloadRoot.get();
            default:
                UnreachableException unreachable;
                try {
                    return fromDownloadRoot.get();
                } catch (EnvironmentException failure) {
                    unreachable = UnreachableException.causing(failure)
                            .filter(cause ->
                                    DownloadRoot.parse(request.downloadRoot()).isHttp())
                            .orElseThrow(() -> failure);
                }
                GoProxyList proxies = fallbackProxy(request, unreachable);
                log.warn(warning.apply(unreachable.reason(), proxies));
                try {
                    return fromProxy.apply(proxies);
                } catch (NoSuchGoReleaseException missing) {
                    throw missing.alsoLookedAt("<downloadRoot> (go.downloadRoot) " + request.downloadRoot()
                            + " could not be reached (" + unreachable.reason() + ")");
                }
        }
    }

    /** The module proxy to fall back on; without one, the download root's failure stands with the advice to set one. */
    private GoProxyList fallbackProxy(ToolchainRequest request, EnvironmentException failure) {
        return new ToolchainProxySettings(request, log)
                .goProxy()
                .orElseThrow(() -> new EnvironmentException(
                        failure.getMessage() + " No GOPROXY is configured "
                                + "to fall back on: set <proxy> (go.proxy) to a Go module proxy, or <source>proxy</source> (go.source=proxy).",
                        failure));
    }

    private List<GoVersion> downloadRootVersions(ToolchainRequest request) {
        DownloadRoot root = DownloadRoot.parse(request.downloadRoot());
        return new AvailableReleases(new HttpDownloader(request.network(), log), root).versionsFor(request.platform());
    }

    private Toolchain install(
            SdkCache cache, InstallPlan plan, GoVersion version, String reason, ToolchainRequest request) {
        InstalledSdk sdk;
        try {
            sdk = cache.install(plan.request());
        } catch (ArchiveContentException refused) {
            throw new ArchiveContentException(
                    refused.getMessage() + " (The archive was " + plan.from() + ".)", refused);
        }
        String how = sdk.freshlyInstalled()
                ? plan.from() + ", " + plan.check() + " verified against " + sdk.digestSource() + ", installed into "
                        + sdk.home()
                : "installed into " + sdk.home() + " by another build while this one waited, verified against "
                        + sdk.digestSource();
        return toolchain(sdk, version, how, reason, request);
    }

    /** What to install, where it comes from and what is checked, in words. */
    private record InstallPlan(SdkInstallRequest request, String from, String check) {}

    private InstallPlan fromDownloadRoot(GoVersion version, ToolchainRequest request, SdkValidator validator) {
        DownloadRoot root = DownloadRoot.parse(request.downloadRoot());
        String archiveName = request.platform().archiveName(version.withGoPrefix());
        HttpDownloader downloader = new HttpDownloader(request.network(), log);
        ExpectedDigest expected;
        try {
            expected = new ChecksumResolver(downloader, log)
                    .resolve(
                            root,
                            archiveName,
                            request.pinnedSha256(),
                            request.pinnedSha256ByPlatform(),
                            request.platform());
        } catch (NoSuchGoReleaseException missing) {
            throw missing.releasesListedBy(
                    root.toString(),
                    releasesOrNone(() -> new AvailableReleases(downloader, root).versionsFor(request.platform())));
        }
        return new InstallPlan(
                new SdkInstallRequest(
                        version.withGoPrefix(),
                        request.platform(),
                        archiveName,
                        expected.sha256Hex(),
                        expected.source(),
                        temporaryArchive -> downloader.download(root.archiveUri(archiveName), temporaryArchive),
                        validator),
                "downloaded from " + root.archiveUri(archiveName),
                "SHA-256");
    }

    private InstallPlan fromProxy(
            GoVersion version, ToolchainRequest request, GoProxyList proxies, SdkValidator validator) {
        ProxyToolchainSource source = new ToolchainProxySettings(request, log).source(proxies);
        ProxyToolchainSource.ProxyInstall install;
        try {
            install = source.installRequest(version, request.platform(), validator);
        } catch (NoSuchGoReleaseException missing) {
            throw missing.releasesListedBy(
                    proxies.describe(), releasesOrNone(() -> source.availableVersions(request.platform())));
        }
        return new InstallPlan(
                install.request(),
                "downloaded as the module " + ProxyToolchainSource.MODULE_PATH + "@"
                        + ProxyToolchainSource.moduleVersion(version, request.platform()) + " from " + install.proxy(),
                "module hash");
    }

    /** The releases a source lists, for suggestions in a message: none when it cannot list them. */
    private List<GoVersion> releasesOrNone(Supplier<List<GoVersion>> listing) {
        try {
            return listing.get();
        } catch (GoCoreException unlisted) {
            log.debug("No list of releases to suggest from: " + unlisted.getMessage());
            return List.of();
        }
    }

    /** An archive the build tool resolved; trusted only through a pinned digest or the download root's index. */
    private InstallPlan fromArtifact(GoVersion version, ToolchainRequest request, SdkValidator validator) {
        SdkSources.SdkArtifact artifact = request.sources().artifact();
        GoVersion held = GoVersion.parse(artifact.goVersion(), "go.sdkArtifact");
        if (held.compareTo(version) != 0) {
            throw new ConfigurationException(
                    "go.sdkArtifact",
                    "<sdkArtifact> (go.sdkArtifact) " + artifact.coordinates()
                            + " holds Go " + held + ", but this build needs Go " + version
                            + "; point it at that version, or remove go.version / the go.mod toolchain line that asks for it.");
        }
        String extension = artifact.extension();
        if (!extension.equals("tar.gz") && !extension.equals("zip")) {
            throw new ConfigurationException(
                    "go.sdkArtifact",
                    "<sdkArtifact> (go.sdkArtifact) " + artifact.coordinates() + " has the type '" + extension
                            + "'; a Go SDK artifact must be a tar.gz or zip as on go.dev.");
        }
        String versionName = version.withGoPrefix();
        String goDevName = request.platform().archiveName(versionName);
        ExpectedDigest expected = new ChecksumResolver(new HttpDownloader(request.network(), log), log)
                .resolve(
                        DownloadRoot.parse(request.downloadRoot()),
                        goDevName,
                        request.pinnedSha256(),
                        request.pinnedSha256ByPlatform(),
                        request.platform());
        String archiveName = goDevName.substring(
                        0,
                        goDevName.length()
                                - request.platform().archiveExtension().length())
                + extension;
        return new InstallPlan(
                new SdkInstallRequest(
                        versionName,
                        request.platform(),
                        archiveName,
                        expected.sha256Hex(),
                        expected.source(),
                        temporaryArchive -> {
                            Path resolved = artifact.resolve();
                            log.info("Installing Go " + version + " from the artifact " + artifact.coordinates() + " ("
                                    + resolved + ")");
                            Files.copy(resolved, temporaryArchive, StandardCopyOption.REPLACE_EXISTING);
                        },
                        validator),
                "resolved as the artifact " + artifact.coordinates(),
                "SHA-256");
    }

    /** A pin describes the go.dev archive; an SDK installed from the module proxy was verified otherwise. */
    private static void checkPinAgainstCached(InstalledSdk sdk, ToolchainRequest request) {
        Optional<ExpectedDigest> pinned =
                ChecksumResolver.pinned(request.pinnedSha256(), request.pinnedSha256ByPlatform(), request.platform());
        boolean goDevArchive = sdk.archiveName().equals(request.platform().archiveName(sdk.goVersion()));
        if (pinned.isPresent() && goDevArchive && !pinned.get().sha256Hex().equalsIgnoreCase(sdk.recordedSha256())) {
            throw new VerificationException(
                    "The cached Go SDK " + sdk.home() + " was installed from an archive with SHA-256 "
                            + sdk.recordedSha256() + ", but " + pinned.get().source() + " pins "
                            + pinned.get().sha256Hex()
                            + ". Delete that directory to provision the pinned archive, or correct the pin.");
        }
    }

    private static Toolchain toolchain(
            InstalledSdk sdk, GoVersion version, String how, String reason, ToolchainRequest request) {
        return new Toolchain(
                sdk.home(), version, sdk.platform(), "Go SDK " + how + " (chosen by " + reason + ")", request.memo());
    }
}
