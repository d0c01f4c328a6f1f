package dev.gomvn.core.provision;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import dev.gomvn.core.provision.install.ExpectedSha256;
import dev.gomvn.core.provision.install.ExpectedSha512;
import dev.gomvn.core.provision.install.InstalledSdk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What vouches for an envtest archive, in this order: a pinned {@code <sha256>} or {@code <sha512>}; a
 * {@code .sha256} or {@code .sha512} file beside the archive; or controller-tools' own {@code envtest-releases.yaml}
 * in the download root, which lists a SHA-512 for every archive it publishes (a mirror copies it beside them).
 */
final class EnvtestDigests {
    static final String RELEASES_FILE = "envtest-releases.yaml";

    private final EnvtestRequest request;
    private final String archiveName;

    EnvtestDigests(EnvtestRequest request, String archiveName) {
        this.request = request;
        this.archiveName = archiveName;
    }

    /** The pinned digest's verifier, if the POM pins one; a malformed pin names its parameter. */
    Optional<ArchiveVerifier> pinned() {
        if (request.sha256() != null && request.sha512() != null) {
            throw new ConfigurationException(
                    "envtest.sha512",
                    "<envtest> pins both <sha256> and <sha512>; keep one (controller-tools publishes the SHA-512).");
        }
        if (request.sha256() != null) {
            if (!Sha256.isHex(request.sha256())) {
                throw new ConfigurationException(
                        "envtest.sha256",
                        "<envtest><sha256> '" + request.sha256() + "' is not a SHA-256 digest: it must be 64"
                                + " hexadecimal characters, as sha256sum prints them for the archive.");
            }
            return Optional.of(new ExpectedSha256(request.sha256(), "the pinned <envtest><sha256>", archiveName));
        }
        if (request.sha512() != null) {
            if (!ExpectedSha512.isHex(request.sha512())) {
                throw new ConfigurationException(
                        "envtest.sha512",
                        "<envtest><sha512> '" + request.sha512() + "' is not a SHA-512 digest: it must be 128"
                                + " hexadecimal characters, as envtest-releases.yaml lists them (hash:).");
            }
            return Optional.of(new ExpectedSha512(request.sha512(), "the pinned <envtest><sha512>", archiveName));
        }
        return Optional.empty();
    }

    /** A cached install made from another archive than the pinned one is refused, with the way out. */
    void requireCachedMatchesPin(InstalledSdk installed) {
        String pinnedSha256 = request.sha256() == null ? null : request.sha256().toLowerCase(Locale.ROOT);
        String pinnedSha512 = request.sha512();
        boolean differs = pinnedSha256 != null && !pinnedSha256.equals(installed.recordedSha256())
                || pinnedSha512 != null && !ExpectedSha512.vouchedFor(installed.digestSource(), pinnedSha512);
        if (differs) {
            String parameter = pinnedSha256 != null ? "<envtest><sha256>" : "<envtest><sha512>";
            throw new VerificationException("The cached envtest binaries " + installed.home()
                    + " were installed from an archive with SHA-256 " + installed.recordedSha256() + " (verified by "
                    + installed.digestSource() + "), but " + parameter + " pins "
                    + (pinnedSha256 != null ? pinnedSha256 : pinnedSha512)
                    + ". Delete that directory to install the pinned archive, or correct the pin.");
        }
    }

    /** The digest the download root publishes for the archive; without one, nothing is installed. */
    ArchiveVerifier published(HttpDownloader downloader, DownloadRoot root, GoLog log) {
        if (root != null) {
            Optional<ArchiveVerifier> sidecar =
                    sidecar(downloader, root, ".sha256", log).or(() -> sidecar(downloader, root, ".sha512", log));
            if (sidecar.isPresent()) {
                return sidecar.get();
            }
            URI releases = root.archiveUri(RELEASES_FILE);
            Optional<String> listed = downloader
                    .fetchIfPresent(releases)
                    .flatMap(bytes -> EnvtestReleases.sha512Of(new String(bytes, StandardCharsets.UTF_8), archiveName));
            if (listed.isPresent()) {
                return new ExpectedSha512(listed.get(), releases.toString(), archiveName);
            }
        }
        throw new ConfigurationException(
                "envtest.sha256",
                "No digest for " + archiveName + ": "
                        + (root == null
                                ? ""
                                : "there is no " + root.sidecarUri(archiveName) + " (nor .sha512), "
                                        + root.archiveUri(RELEASES_FILE) + " does not list it, and ")
                        + "<envtest> pins no <sha256> or <sha512>. Refusing unverified envtest binaries. Pin the"
                        + " SHA-512 that controller-tools' envtest-releases.yaml lists with <sha512> (or a sha256sum"
                        + " with <sha256>), or publish envtest-releases.yaml or " + archiveName
                        + ".sha256 beside the archive.");
    }

    private Optional<ArchiveVerifier> sidecar(
            HttpDownloader downloader, DownloadRoot root, String extension, GoLog log) {
        URI uri = root.archiveUri(archiveName + extension);
        Optional<String> digest = downloader
                .fetchIfPresent(uri)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip().split("\\s+")[0]);
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        if (extension.equals(".sha256") && Sha256.isHex(digest.get())) {
            return Optional.of(new ExpectedSha256(digest.get(), "the checksum file " + uri, archiveName));
        }
        if (extension.equals(".sha512") && ExpectedSha512.isHex(digest.get())) {
            return Optional.of(new ExpectedSha512(digest.get(), "the checksum file " + uri, archiveName));
        }
        log.warn(uri + " holds no " + (extension.equals(".sha256") ? "SHA-256" : "SHA-512") + " digest; ignoring it.");
        return Optional.empty();
    }
}
