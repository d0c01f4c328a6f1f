package dev.gomvn.core.provision;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.install.ArchiveContentException;
import dev.gomvn.core.provision.install.ArchiveFetcher;
import dev.gomvn.core.provision.install.ArchiveLayout;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import dev.gomvn.core.provision.install.CachedContent;
import dev.gomvn.core.provision.install.InstalledSdk;
import dev.gomvn.core.provision.install.SdkCache;
import dev.gomvn.core.provision.install.SdkInstallRequest;
import dev.gomvn.core.toolchain.SdkSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts the binaries that controller-runtime's envtest starts (etcd, kube-apiserver, kubectl) on this
 * machine, verified, so that an operator's controller tests run in {@code mvn verify}: the archive
 * controller-tools publishes as {@code envtest-v<version>-<goos>-<goarch>.tar.gz} (entries under
 * {@code controller-tools/envtest/}), from a download root or a Maven artifact, checked against a
 * SHA-256 or the SHA-512 controller-tools publishes ({@link EnvtestDigests}) before anything is extracted and installed through the same locked, atomic cache as a Go
 * SDK. The directory it returns is what {@code KUBEBUILDER_ASSETS} must name.
 */
public final class EnvtestProvisioner {
    /** The binaries envtest looks for in KUBEBUILDER_ASSETS. */
    public static final List<String> BINARIES = List.of("etcd", "kube-apiserver", "kubectl");

    static final CachedContent ENVTEST = new CachedContent(
            "envtest binaries",
            "envtest version",
            Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+[A-Za-z0-9.+_-]*"),
            "1.31.0",
            "<envtest><version>",
            (home, platform) -> home.resolve("kube-apiserver" + platform.executableSuffix()));

    /** {@code tar -czf envtest-....tar.gz /controller-tools/envtest} in controller-tools' release images. */
    private static final ArchiveLayout LAYOUT = new ArchiveLayout("controller-tools/envtest", false);

    private final GoLog log;

    public EnvtestProvisioner(GoLog log) {
        this.log = log;
    }

    /** The directory holding etcd, kube-apiserver and kubectl, installing them first unless cached. */
    public Path provision(EnvtestRequest request) {
        String version = version(request);
        Platform platform = request.platform();
        String archiveName = "envtest-" + version + "-" + platform.goos() + "-" + platform.goarch() + ".tar.gz";
        SdkCache cache = new SdkCache(request.cacheDirectory(), log, request.lockTimeout(), ENVTEST);
        Optional<InstalledSdk> cached = cache.find(version, platform);
        EnvtestDigests digests = new EnvtestDigests(request, archiveName);
        Optional<ArchiveVerifier> pinned = digests.pinned();
        if (cached.isPresent()) {
            return cachedHome(cached.get(), digests, version, platform);
        }
        SdkSources.SdkArtifact artifact = request.artifact();
        DownloadRoot root = downloadRoot(request);
        if (artifact == null && root == null) {
            throw new ConfigurationException(
                    "envtest",
                    "<envtest> names no source for " + archiveName + ": set <downloadRoot> to the directory holding it"
                            + " (a mirror of https://github.com/kubernetes-sigs/controller-tools/releases), or"
                            + " <artifact> to groupId:artifactId:version of it in a Maven repository.");
        }
        if (artifact == null && root.isHttp() && request.network().offline()) {
            throw new EnvironmentException("envtest binaries " + version + " for " + platform
                    + " are not in the cache " + request.cacheDirectory()
                    + " and Maven runs offline (-o); run once online, or use a file: <envtest><downloadRoot>.");
        }
        HttpDownloader downloader = new HttpDownloader(request.network(), log, "<envtest><downloadRoot>");
        ArchiveVerifier expected = pinned.orElseGet(() -> digests.published(downloader, root, log));
        ArchiveFetcher fetcher;
        String from;
        if (artifact != null) {
            fetcher = temporaryArchive -> {
                Path resolved = artifact.resolve();
                Files.copy(resolved, temporaryArchive, StandardCopyOption.REPLACE_EXISTING);
            };
            from = "the artifact " + artifact.coordinates();
        } else {
            fetcher = temporaryArchive -> downloader.download(root.archiveUri(archiveName), temporaryArchive);
            from = root.archiveUri(archiveName).toString();
        }
        log.info("Installing envtest binaries " + version + " for " + platform + " from " + from + ".");
        InstalledSdk installed;
        try {
            installed = cache.install(new SdkInstallRequest(
                    version,
                    platform,
                    archiveName,
                    LAYOUT,
                    expected,
                    fetcher,
                    home -> requireBinaries(home, platform, archiveName)));
        } catch (ArchiveContentException refused) {
            throw new ArchiveContentException(refused.getMessage() + " (The archive was " + from + ".)", refused);
        }
        return installed.home();
    }

    /** {@code <envtest><downloadRoot>}, or null when it is not set. */
    private static DownloadRoot downloadRoot(EnvtestRequest request) {
        return request.downloadRoot() == null
                ? null
                : DownloadRoot.parse(
                        request.downloadRoot(),
                        "<envtest><downloadRoot>",
                        "envtest.downloadRoot",
                        "an http(s) mirror such as https://mirror.example.com/envtest/, or file:/path/to/mirror/");
    }

    /** A cached install serves only if it came from the archive a pinned digest names, when one is pinned. */
    private Path cachedHome(InstalledSdk installed, EnvtestDigests digests, String version, Platform platform) {
        digests.requireCachedMatchesPin(installed);
        log.debug("envtest binaries " + version + " for " + platform + " are cached in " + installed.home()
                + ", verified at install against " + installed.digestSource() + ".");
        return installed.home();
    }

    /** {@code v1.31.0}: the spelling of controller-tools' release names, whatever the user wrote. */
    private static String version(EnvtestRequest request) {
        String version = request.version();
        if (version == null && request.artifact() != null) {
            version = request.artifact().goVersion();
        }
        if (version == null) {
            throw new ConfigurationException(
                    "envtest.version",
                    "<envtest> needs a <version>: the Kubernetes version of the envtest binaries, e.g. 1.31.0 (see"
                            + " https://github.com/kubernetes-sigs/controller-tools/blob/main/envtest-releases.yaml).");
        }
        String withPrefix = version.startsWith("v") ? version : "v" + version;
        if (!ENVTEST.versionPattern().matcher(withPrefix).matches()) {
            throw new ConfigurationException(
                    "envtest.version", "<envtest><version> '" + version + "' is not a Kubernetes version like 1.31.0.");
        }
        return withPrefix;
    }

    /** A verified archive that lacks a binary is not envtest for this platform: it is not installed. */
    private static void requireBinaries(Path home, Platform platform, String archiveName) {
        for (String binary : BINARIES) {
            Path file = home.resolve(binary + platform.executableSuffix());
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                throw new ArchiveContentException(archiveName + " holds no executable controller-tools/envtest/"
                        + file.getFileName() + ": it is not an envtest archive for " + platform
                        + ", so nothing was installed.");
            }
        }
    }
}
