package dev.gomvn.core.sumdb;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A checksum database's public key in Go's note format, {@code <name>+<hash>+<base64 key>}, where
 * the key is the algorithm byte 1 (Ed25519) and 32 key bytes and the hash is the first four bytes of
 * {@code sha256(name + "\n" + key)}. Verifies signatures with the JDK's own Ed25519.
 */
public final class NoteVerifier {
    private static final byte ALGORITHM_ED25519 = 1;
    /** DER header of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final int keyHash;
    private final PublicKey key;

    private NoteVerifier(String name, int keyHash, PublicKey key) {
        this.name = name;
        this.keyHash = keyHash;
        this.key = key;
    }

    /**
     * Parses a verifier key such as {@code sum.golang.org+033de0ae+Ac4z...}.
     *
     * @param parameter the property the key came from, named in errors
     */
    public static NoteVerifier parse(String verifierKey, String parameter) {
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].chars().anyMatch(Character::isWhitespace)) {
            throw invalid(verifierKey, parameter, "it is not <name>+<hash>+<key>");
        }
        byte[] keyData;
        try {
            keyData = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid(verifierKey, parameter, "its key is not base64");
        }
        if (keyData.length != 33 || keyData[0] != ALGORITHM_ED25519) {
            throw invalid(verifierKey, parameter, "its key is not an Ed25519 key (algorithm byte 1 and 32 key bytes)");
        }
        if (!parts[1].matches("[0-9a-f]{8}") || Integer.parseUnsignedInt(parts[1], 16) != keyHash(parts[0], keyData)) {
            throw invalid(
                    verifierKey,
                    parameter,
                    "its hash " + parts[1] + " does not match its name and key (expected "
                            + String.format(Locale.ROOT, "%08x", keyHash(parts[0], keyData)) + ")");
        }
        return new NoteVerifier(parts[0], keyHash(parts[0], keyData), ed25519Key(Arrays.copyOfRange(keyData, 1, 33)));
    }

    public String name() {
        return name;
    }

    int keyHash() {
        return keyHash;
    }

    boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 provides Ed25519", e);
        }
    }

    static int keyHash(String name, byte[] keyData) {
        var digest = Sha256.newDigest();
        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(keyData);
        return ByteBuffer.wrap(digest.digest(), 0, 4).getInt();
    }

    private static PublicKey ed25519Key(byte[] raw) {
        byte[] encoded = new byte[ED25519_X509_PREFIX.length + raw.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, ED25519_X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new VerificationException("The Ed25519 public key could not be decoded: " + e.getMessage(), e);
        }
    }

    private static ConfigurationException invalid(String key, String parameter, String reason) {
        return new ConfigurationException(
                parameter,
                "The checksum database key '" + key + "' in " + parameter + " is not usable: " + reason
                        + ". Use the form sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8.");
    }
}
