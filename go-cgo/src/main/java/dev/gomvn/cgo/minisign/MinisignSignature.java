package dev.gomvn.cgo.minisign;

import dev.gomvn.core.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A minisign signature file ({@code <file>.minisig}): an untrusted comment; base64 of the algorithm ({@code ED}:
 * Ed25519 over the file's BLAKE2b-512, minisign's default since 0.10; {@code Ed}: over the file itself), the signing
 * key's id and the signature; the trusted comment; and the global signature over the signature and that comment,
 * which is what makes the comment trusted.
 *
 * <p>A refusal is a {@link VerificationException} whose message says what is wrong with "it", the signature, so that
 * the caller, which knows where the signature came from, opens the sentence with its name.
 */
public final class MinisignSignature {
    private static final String UNTRUSTED = "untrusted comment:";
    private static final String TRUSTED = "trusted comment: ";

    private final boolean prehashed;
    private final byte[] keyId;
    private final byte[] signature;
    private final String trustedComment;
    private final byte[] globalSignature;

    private MinisignSignature(
            boolean prehashed, byte[] keyId, byte[] signature, String trustedComment, byte[] globalSignature) {
        this.prehashed = prehashed;
        this.keyId = keyId;
        this.signature = signature;
        this.trustedComment = trustedComment;
        this.globalSignature = globalSignature;
    }

    /** @throws VerificationException if {@code text} is not a minisign signature, saying which line is wrong */
    public static MinisignSignature parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() < 4
                || !lines.get(0).startsWith(UNTRUSTED)
                || !lines.get(2).startsWith(TRUSTED)) {
            throw new VerificationException("it is not a minisign signature: that has four lines, '" + UNTRUSTED
                    + " ...', the signature, '" + TRUSTED + "...' and the global signature");
        }
        byte[] signatureLine = decode(lines.get(1), 74, "second");
        byte[] global = decode(lines.get(3), 64, "fourth");
        boolean prehashed = signatureLine[0] == 'E' && signatureLine[1] == 'D';
        boolean legacy = signatureLine[0] == 'E' && signatureLine[1] == 'd';
        if (!prehashed && !legacy) {
            throw new VerificationException("its algorithm is neither Ed25519 (Ed) nor Ed25519 over BLAKE2b-512 (ED)");
        }
        return new MinisignSignature(
                prehashed,
                Arrays.copyOfRange(signatureLine, 2, 10),
                Arrays.copyOfRange(signatureLine, 10, 74),
                lines.get(2).substring(TRUSTED.length()),
                global);
    }

    private static byte[] decode(String line, int length, String which) {
        try {
            byte[] decoded = Base64.getDecoder().decode(line.strip());
            if (decoded.length == length) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // Reported below, with what the line should hold.
        }
        throw new VerificationException("its " + which + " line is not the base64 of " + length
                + " bytes that a minisign signature holds there");
    }

    /** The id of the key that made it, as minisign prints key ids. */
    public String keyIdHex() {
        return MinisignPublicKey.hexOfLittleEndian(keyId);
    }

    /** The comment the global signature covers, e.g. {@code timestamp:1700000000	file:x.tar.xz	hashed}. */
    public String trustedComment() {
        return trustedComment;
    }

    /**
     * Starts checking a file against this signature; feed the file to the result, then call {@link
     * Verification#verify()}. Refused at once when the signature was made by another key than {@code key}.
     */
    public Verification verifier(MinisignPublicKey key) {
        if (!key.hasId(keyId)) {
            throw new VerificationException(
                    "it was made with the key " + keyIdHex() + ", but the trusted key is " + key.keyIdHex());
        }
        return new Verification(key);
    }

    /** One file, streamed through the hash (or, for a legacy signature, through Ed25519 itself). */
    public final class Verification {
        private final MinisignPublicKey key;
        private final Blake2b blake2b = new Blake2b();
        private final Signature legacy;

        private Verification(MinisignPublicKey key) {
            this.key = key;
            this.legacy = prehashed ? null : ed25519(key);
        }

        public void update(byte[] data, int offset, int length) {
            if (prehashed) {
                blake2b.update(data, offset, length);
            } else {
                try {
                    legacy.update(data, offset, length);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("An initialized Ed25519 verifier accepts data", e);
                }
            }
        }

        /** @throws VerificationException if the file or the trusted comment is not what the key signed */
        public void verify() {
            Signature fileCheck = prehashed ? ed25519(key) : legacy;
            try {
                if (prehashed) {
                    fileCheck.update(blake2b.digest());
                }
                if (!fileCheck.verify(signature)) {
                    throw new VerificationException("its signature does not match the file: the file is not the one"
                            + " key " + key.keyIdHex() + " signed");
                }
                Signature commentCheck = ed25519(key);
                commentCheck.update(signature);
                commentCheck.update(trustedComment.getBytes(StandardCharsets.UTF_8));
                if (!commentCheck.verify(globalSignature)) {
                    throw new VerificationException("its global signature does not match its trusted comment '"
                            + trustedComment + "': the comment was altered");
                }
            } catch (java.security.SignatureException e) {
                throw new VerificationException("its signature is malformed: " + e.getMessage(), e);
            }
        }
    }

    private static Signature ed25519(MinisignPublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.key());
            return verifier;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime provides Ed25519", e);
        }
    }
}
