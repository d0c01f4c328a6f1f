package dev.gomvn.cgo.zig;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.install.ArchiveContentException;
import dev.gomvn.core.provision.install.ArchiveFetcher;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import dev.gomvn.core.provision.install.CachedContent;
import dev.gomvn.core.provision.install.InstalledSdk;
import dev.gomvn.core.provision.install.SdkCache;
import dev.gomvn.core.provision.install.SdkInstallRequest;
import dev.gomvn.core.toolchain.SdkSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts Zig on this machine, verified, so that a cgo build compiles C with {@code zig cc -target <triple>}, a C cross
 * compiler that needs nothing else installed: the archive ziglang.org publishes for this platform ({@link
 * ZigArchive}), from a download root (ziglang.org, a community mirror or a {@code file:} mirror) or a Maven artifact,
 * checked by a pinned SHA-256 or its minisign signature ({@link ZigTrust}) before anything is extracted, and installed
 * through the same locked, atomic cache as a Go SDK. Offline (-o), only the cache or a {@code file:} root serves.
 */
public final class ZigProvisioner {
    /** The Zig a cgo build gets unless {@code <zig><version>} names another. */
    public static final String DEFAULT_VERSION = "0.17.1";

    /** The Zig project's minisign key, as https://ziglang.org/download/ lists it. */
    public static final String ZIG_PUBLIC_KEY = "RWSGOq2NVecA2UPNdBUZykf1CCb147pkmdtYxgb3Ti+JO/wCYvhbAb/U";

    private static final Pattern VERSION =
            Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.]+)?(\\+[0-9A-Za-z.]+)?");

    static final CachedContent ZIG = new CachedContent(
            "Zig",
            "Zig version",
            VERSION,
            DEFAULT_VERSION,
            "<zig><version> (go.zig.version)",
            (home, platform) -> home.resolve("zig" + platform.executableSuffix()));

    private final GoLog log;

    public ZigProvisioner(GoLog log) {
        this.log = log;
    }

    /** Zig for this machine, installing it first unless it is cached. */
    public ZigInstallation provision(ZigRequest request) {
        String version = version(request);
        Platform platform = request.platform();
        ZigArchive zig = ZigArchive.of(platform, version);
        SdkSources.SdkArtifact artifact = request.artifact();
        String archiveName = artifact == null ? zig.fileName() : zig.fileName(artifactExtension(artifact));
        ZigTrust trust = new ZigTrust(request, archiveName);
        Optional<ArchiveVerifier> pinned = trust.pinned();
        SdkCache cache = new SdkCache(request.cacheDirectory(), log, request.lockTimeout(), ZIG);
        Optional<InstalledSdk> cached = cache.find(version, platform);
        if (cached.isPresent()) {
            trust.requireCachedMatchesPin(cached.get());
            log.debug("Zig " + version + " for " + platform + " is cached in "
                    + cached.get().home() + ", verified at install by "
                    + cached.get().digestSource() + ".");
            return installation(cached.get(), platform);
        }
        DownloadRoot root = downloadRoot(request, version);
        if (artifact == null && root.isHttp() && request.network().offline()) {
            throw new EnvironmentException("Zig " + version + " for " + platform + " is not in the cache "
                    + request.cacheDirectory() + " and Maven runs offline (-o); run once online, or set"
                    + " <zig><downloadRoot> (go.zig.downloadRoot) to a file: mirror.");
        }
        HttpDownloader downloader = new HttpDownloader(request.network(), log, "<zig><downloadRoot>");
        ArchiveVerifier verifier;
        ArchiveFetcher fetcher;
        String from;
        if (artifact != null) {
            verifier = pinned.orElseThrow(() -> trust.artifactNeedsPin(artifact.coordinates()));
            fetcher = temporaryArchive ->
                    Files.copy(artifact.resolve(), temporaryArchive, StandardCopyOption.REPLACE_EXISTING);
            from = "the artifact " + artifact.coordinates();
        } else {
            verifier = pinned.orElseGet(() -> trust.signed(downloader, root));
            fetcher = temporaryArchive -> downloader.download(root.archiveUri(archiveName), temporaryArchive);
            from = root.archiveUri(archiveName).toString();
        }
        log.info("Installing Zig " + version + " for " + platform + " from " + from + ".");
        try {
            return installation(
                    cache.install(new SdkInstallRequest(
                            version,
                            platform,
                            archiveName,
                            zig.layout(),
                            verifier,
                            fetcher,
                            home -> requireZig(home, platform, archiveName, zig),
                            ZigArchive.TAR_XZ)),
                    platform);
        } catch (ArchiveContentException refused) {
            throw new ArchiveContentException(refused.getMessage() + " (The archive was " + from + ".)", refused);
        }
    }

    private static ZigInstallation installation(InstalledSdk installed, Platform platform) {
        return new ZigInstallation(
                installed.home(),
                installed.home().resolve("zig" + platform.executableSuffix()),
                installed.goVersion(),
                installed.recordedSha256(),
                installed.digestSource());
    }

    /** {@code <zig><version>}, else the artifact's version, else the pinned default. */
    private static String version(ZigRequest request) {
        String version = request.version();
        if (version == null && request.artifact() != null) {
            version = request.artifact().goVersion();
        }
        if (version == null) {
            return DEFAULT_VERSION;
        }
        if (!VERSION.matcher(version).matches()) {
            throw new ConfigurationException(
                    "go.zig.version",
                    "<zig><version> (go.zig.version) '" + version + "' is not a Zig version like " + DEFAULT_VERSION
                            + " or 0.15.0-dev.1+abc (see https://ziglang.org/download/).");
        }
        return version;
    }

    /** {@code <zig><downloadRoot>}, else ziglang.org: releases under download/<version>/, development builds under builds/. */
    private static DownloadRoot downloadRoot(ZigRequest request, String version) {
        String root = request.downloadRoot() != null
                ? request.downloadRoot()
                : version.contains("-dev")
                        ? "https://ziglang.org/builds/"
                        : "https://ziglang.org/download/" + version + "/";
        return DownloadRoot.parse(
                root,
                "<zig><downloadRoot> (go.zig.downloadRoot)",
                "go.zig.downloadRoot",
                "https://ziglang.org/download/" + version + "/, a community mirror such as"
                        + " https://mirror.example.com/zig/, or file:/path/to/mirror/");
    }

    private static String artifactExtension(SdkSources.SdkArtifact artifact) {
        String extension = artifact.extension();
        if (!extension.equals("tar.xz") && !extension.equals("zip")) {
            throw new ConfigurationException(
                    "go.zig.artifact",
                    "<zig><artifact> " + artifact.coordinates() + " is a " + extension + ", but Zig is published as"
                            + " tar.xz (zip on Windows); name the artifact with that extension.");
        }
        return extension;
    }

    /** A verified archive without a runnable zig and its lib/ is not Zig for this platform: it is not installed. */
    private static void requireZig(Path home, Platform platform, String archiveName, ZigArchive zig) {
        Path executable = home.resolve("zig" + platform.executableSuffix());
        if (!Files.isRegularFile(executable)
                || !Files.isExecutable(executable)
                || !Files.isDirectory(home.resolve("lib"))) {
            throw new ArchiveContentException(archiveName + " holds no executable " + zig.topDirectory() + "/"
                    + executable.getFileName() + " beside a lib/ directory: it is not Zig for " + platform
                    + ", so nothing was installed.");
        }
    }
}
