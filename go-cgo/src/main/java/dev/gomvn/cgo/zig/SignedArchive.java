package dev.gomvn.cgo.zig;

import dev.gomvn.cgo.minisign.MinisignPublicKey;
import dev.gomvn.cgo.minisign.MinisignSignature;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The archive must be the file its minisign signature signs with the trusted key, and, when the signature's trusted
 * comment names a file (minisign's default {@code file:<name>} does), that file must be this archive: the comment is
 * covered by the global signature, so a validly signed older Zig served under this version's name is refused too.
 */
final class SignedArchive implements ArchiveVerifier {
    private final MinisignSignature signature;
    private final MinisignPublicKey key;
    private final URI signatureUri;
    private final String archiveName;

    /** Refuses at once, before the archive is downloaded, a signature that the trusted key did not make. */
    SignedArchive(MinisignSignature signature, MinisignPublicKey key, URI signatureUri, String archiveName) {
        this.signature = signature;
        this.key = key;
        this.signatureUri = signatureUri;
        this.archiveName = archiveName;
        refusingFailures(() -> signature.verifier(key));
    }

    @Override
    public VerifiedArchive verify(Path archive) {
        MessageDigest sha256 = sha256();
        refusingFailures(() -> {
            MinisignSignature.Verification verification = signature.verifier(key);
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = Files.newInputStream(archive)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    verification.update(buffer, 0, read);
                    sha256.update(buffer, 0, read);
                }
            } catch (IOException e) {
                throw new EnvironmentException("Could not read " + archive + " to verify it: " + e.getMessage(), e);
            }
            verification.verify();
            return verification;
        });
        String signedFile = signedFile();
        if (signedFile != null && !signedFile.equals(archiveName)) {
            throw new VerificationException(signatureUri + " signs " + signedFile + ", not " + archiveName
                    + " (its trusted comment is '" + signature.trustedComment() + "'): the mirror serves another"
                    + " file under this name. Nothing was installed; check where the archive came from.");
        }
        return new VerifiedArchive(
                HexFormat.of().formatHex(sha256.digest()),
                "the minisign signature " + signatureUri + " by key " + key.keyIdHex());
    }

    /** The {@code file:} of the trusted comment, or null when the signer wrote another comment. */
    private String signedFile() {
        return Arrays.stream(signature.trustedComment().split("\t"))
                .filter(field -> field.startsWith("file:"))
                .map(field -> field.substring("file:".length()))
                .findFirst()
                .orElse(null);
    }

    private void refusingFailures(java.util.function.Supplier<?> check) {
        try {
            check.get();
        } catch (VerificationException e) {
            throw new VerificationException(
                    "The signature " + signatureUri + " of " + archiveName + " is refused: " + e.getMessage()
                            + ". Nothing was installed. The archive is corrupt or tampered with, or it is signed by"
                            + " another key than <zig><publicKey> (go.zig.publicKey) names; that is the Zig project's"
                            + " key unless a mirror that re-signs sets its own.",
                    e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
