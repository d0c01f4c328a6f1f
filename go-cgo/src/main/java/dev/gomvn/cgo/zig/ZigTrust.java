package dev.gomvn.cgo.zig;

import dev.gomvn.cgo.minisign.MinisignPublicKey;
import dev.gomvn.cgo.minisign.MinisignSignature;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.provision.download.DownloadRoot;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import dev.gomvn.core.provision.install.ExpectedSha256;
import dev.gomvn.core.provision.install.InstalledSdk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What vouches for a Zig archive, in this order: a pinned {@code <sha256>}; or the minisign signature beside the
 * archive, made with {@code <publicKey>} (the Zig project's key unless set). ziglang.org publishes no SHA-256 files
 * beside its downloads, only signatures, so without either nothing is installed.
 */
final class ZigTrust {
    private final ZigRequest request;
    private final String archiveName;

    ZigTrust(ZigRequest request, String archiveName) {
        this.request = request;
        this.archiveName = archiveName;
    }

    /** The pinned digest's verifier, if the POM pins one; a malformed pin names its parameter. */
    Optional<ArchiveVerifier> pinned() {
        if (request.sha256() == null) {
            return Optional.empty();
        }
        if (!Sha256.isHex(request.sha256())) {
            throw new ConfigurationException(
                    "go.zig.sha256",
                    "<zig><sha256> (go.zig.sha256) '" + request.sha256() + "' is not a SHA-256 digest: it must be 64"
                            + " hexadecimal characters, as sha256sum prints them for " + archiveName + ".");
        }
        return Optional.of(new ExpectedSha256(request.sha256(), "the pinned <zig><sha256>", archiveName));
    }

    /** The trusted key, checked now so that a malformed {@code <publicKey>} is named before any download. */
    MinisignPublicKey publicKey() {
        String text = request.publicKey() == null ? ZigProvisioner.ZIG_PUBLIC_KEY : request.publicKey();
        try {
            return MinisignPublicKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "go.zig.publicKey",
                    "<zig><publicKey> (go.zig.publicKey) is not usable: " + e.getMessage() + ". Set it to the"
                            + " base64 line of the minisign.pub that signs the mirror's archives, or remove it to"
                            + " trust the Zig project's key.");
        }
    }

    /** The signature beside the archive in {@code root}, checked against the trusted key before the archive is fetched. */
    ArchiveVerifier signed(HttpDownloader downloader, DownloadRoot root) {
        MinisignPublicKey key = publicKey();
        URI signatureUri = root.archiveUri(archiveName + ".minisig");
        Optional<byte[]> text = downloader.fetchIfPresent(signatureUri);
        if (text.isEmpty()) {
            throw new ConfigurationException(
                    "go.zig.sha256",
                    "No signature for " + archiveName + ": there is no " + signatureUri + " and <zig> pins no"
                            + " <sha256>. Refusing an unverified Zig. Publish the .minisig that ziglang.org and every"
                            + " community mirror serve beside the archive (signed with the Zig project's key, or with"
                            + " the key <zig><publicKey> (go.zig.publicKey) names for a mirror that re-signs), or pin"
                            + " the archive's SHA-256 with <zig><sha256> (go.zig.sha256).");
        }
        MinisignSignature signature;
        try {
            signature = MinisignSignature.parse(new String(text.get(), StandardCharsets.UTF_8));
        } catch (VerificationException e) {
            throw new VerificationException(
                    "The signature " + signatureUri + " of " + archiveName + " is refused: " + e.getMessage()
                            + ". Nothing was downloaded; check where the mirror got it.",
                    e);
        }
        return new SignedArchive(signature, key, signatureUri, archiveName);
    }

    /** The refusal for an artifact without a pin: a Maven repository holds no minisign signature to check. */
    ConfigurationException artifactNeedsPin(String coordinates) {
        return new ConfigurationException(
                "go.zig.sha256",
                "<zig><artifact> " + coordinates + " is not verified: a Maven artifact has no minisign signature"
                        + " beside it, and <zig> pins no <sha256>. Pin the archive's SHA-256 with <zig><sha256>"
                        + " (go.zig.sha256), or download it from a <downloadRoot> whose .minisig files"
                        + " <zig><publicKey> (go.zig.publicKey) verifies.");
    }

    /** A cached install made from another archive than the pinned one is refused, with the way out. */
    void requireCachedMatchesPin(InstalledSdk installed) {
        String pinned = request.sha256() == null ? null : request.sha256().toLowerCase(Locale.ROOT);
        if (pinned != null && !pinned.equals(installed.recordedSha256())) {
            throw new VerificationException("The cached Zig " + installed.home() + " was installed from an archive"
                    + " with SHA-256 " + installed.recordedSha256() + " (verified by " + installed.digestSource()
                    + "), but <zig><sha256> (go.zig.sha256) pins " + pinned
                    + ". Delete that directory to install the pinned archive, or correct the pin.");
        }
    }
}
