package dev.gomvn.core.provision.download;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the SHA-256 an SDK archive must have, failing closed. In order: the digest pinned in the
 * POM, the JSON index of an http(s) root, the {@code .sha256} file beside the archive. When none
 * yields one, provisioning stops: we never run an SDK we could not verify.
 */
public final class ChecksumResolver {
    private final HttpDownloader downloader;
    private final GoLog log;

    public ChecksumResolver(HttpDownloader downloader, GoLog log) {
        this.downloader = downloader;
        this.log = log;
    }

    public ExpectedDigest resolve(
            DownloadRoot root,
            String archiveName,
            String pinned,
            Map<String, String> pinnedByPlatform,
            Platform platform) {
        Optional<ExpectedDigest> fromPom = pinned(pinned, pinnedByPlatform, platform);
        if (fromPom.isPresent()) {
            return fromPom.get();
        }
        EnvironmentException unreachable = null;
        GoReleaseIndex index = null;
        if (root.isHttp()) {
            try {
                index = GoReleaseIndex.parse(downloader.fetchText(root.indexUri()));
                Optional<String> indexed = index.file(archiveName)
                        .map(GoReleaseIndex.GoFile::sha256)
                        .filter(Sha256::isHex);
                if (indexed.isPresent()) {
                    return new ExpectedDigest(
                            indexed.get().toLowerCase(Locale.ROOT), "the JSON index " + root.indexUri());
                }
                log.debug("The index at " + root.indexUri() + " lists no SHA-256 for " + archiveName + ".");
            } catch (EnvironmentException e) {
                unreachable = e;
                log.debug("No usable index at " + root.indexUri() + ": " + e.getMessage());
            }
        }
        try {
            String sidecar = downloader.fetchText(root.sidecarUri(archiveName)).strip();
            String digest = sidecar.split("\\s+")[0];
            if (Sha256.isHex(digest)) {
                return new ExpectedDigest(
                        digest.toLowerCase(Locale.ROOT), "the checksum file " + root.sidecarUri(archiveName));
            }
            log.warn(root.sidecarUri(archiveName) + " holds no SHA-256 digest; ignoring it.");
        } catch (EnvironmentException e) {
            log.debug("No checksum file at " + root.sidecarUri(archiveName) + ": " + e.getMessage());
            if (unreachable != null && !(e instanceof ResourceNotFoundException)) {
                // Neither source answered: that is a network problem, not a missing digest.
                throw new EnvironmentException(
                        "Could not get the SHA-256 of " + archiveName + " from " + root + ": " + e.getMessage(), e);
            }
        }
        if (!downloader.exists(root.archiveUri(archiveName))) {
            throw notThere(root, archiveName, platform, index != null || holdsOtherReleases(root, platform));
        }
        throw new ConfigurationException(
                "go.sha256",
                "No SHA-256 found for " + archiveName + ": " + root
                        + (root.isHttp() ? " has no JSON index entry for it and" : "") + " has no " + archiveName
                        + ".sha256 file, and the POM pins none. Refusing an unverified Go SDK. Pin the digest published on "
                        + "https://go.dev/dl/ with <sha256>...</sha256> (go.sha256), or <sha256s><" + platform.key()
                        + ">...</" + platform.key() + "></sha256s>.");
    }

    /**
     * The digest the POM pins for {@code platform}: its {@code <sha256s>} entry under any spelling
     * {@link Platform#isNamedBy} accepts, else {@code go.sha256}. Downloads and cache hits both ask here.
     */
    public static Optional<ExpectedDigest> pinned(String pinned, Map<String, String> byPlatform, Platform platform) {
        for (Map.Entry<String, String> entry : byPlatform.entrySet()) {
            if (platform.isNamedBy(entry.getKey())) {
                return Optional.of(new ExpectedDigest(
                        validated(entry.getValue(), "sha256s/" + entry.getKey()),
                        "the pinned <sha256s> entry " + entry.getKey()));
            }
        }
        if (pinned != null && !pinned.isBlank()) {
            return Optional.of(new ExpectedDigest(validated(pinned, "go.sha256"), "the pinned go.sha256"));
        }
        return Optional.empty();
    }

    private static String validated(String digest, String parameter) {
        String trimmed = digest == null ? "" : digest.strip();
        if (!Sha256.isHex(trimmed)) {
            throw new ConfigurationException(
                    "go.sha256",
                    "<" + parameter + "> '" + trimmed
                            + "' is not a SHA-256 digest; it must be 64 hexadecimal characters, as published on https://go.dev/dl/.");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** A directory mirror without an index is a download root when it holds Go archives for this platform. */
    private boolean holdsOtherReleases(DownloadRoot root, Platform platform) {
        if (root.isHttp()) {
            return false;
        }
        try {
            return !new AvailableReleases(downloader, root)
                    .versionsFor(platform)
                    .isEmpty();
        } catch (GoCoreException unlistable) {
            log.debug("Cannot tell whether " + root + " is a download root: " + unlistable.getMessage());
            return false;
        }
    }

    /**
     * The archive itself is missing: a version that does not exist there when the root is known to be a download
     * root (it has an index, or other releases), else possibly a root that is no download root.
     */
    private static ConfigurationException notThere(
            DownloadRoot root, String archiveName, Platform platform, boolean knownDownloadRoot) {
        String version = archiveName.substring(0, archiveName.indexOf('.' + platform.goos() + '-'));
        if (knownDownloadRoot) {
            return new NoSuchGoReleaseException(
                    version,
                    platform,
                    root + " has no " + archiveName
                            + (root.isHttp() ? " (its index does not list it and the archive is not there)" : ""),
                    null);
        }
        return new ConfigurationException(
                "go.downloadRoot",
                root + " has no " + archiveName + ", no " + archiveName + ".sha256"
                        + (root.isHttp() ? " and no JSON index" : "") + ". Either " + version
                        + " does not exist for " + platform + " (check <version> (go.version)), or " + root
                        + " is not a Go download root laid out like https://go.dev/dl/ (check <downloadRoot> "
                        + "(go.downloadRoot)).");
    }
}
