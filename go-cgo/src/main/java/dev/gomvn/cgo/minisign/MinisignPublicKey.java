package dev.gomvn.cgo.minisign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A minisign public key: base64 of {@code Ed}, an 8-byte key id and a 32-byte Ed25519 key, as minisign prints it
 * and as {@code minisign.pub} holds it under an untrusted comment line.
 */
public final class MinisignPublicKey {
    /** The X.509 SubjectPublicKeyInfo header of an Ed25519 key, before its 32 raw bytes: what the JDK reads. */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] keyId;
    private final PublicKey key;

    private MinisignPublicKey(byte[] keyId, PublicKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    /**
     * The key in {@code text}: the base64 line alone, or a whole {@code minisign.pub} (its comment line is skipped).
     *
     * @throws IllegalArgumentException if it is not a minisign Ed25519 public key, saying why
     */
    public static MinisignPublicKey parse(String text) {
        String base64 = text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("untrusted comment:"))
                .findFirst()
                .orElse("");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + base64 + "' is not base64", e);
        }
        if (decoded.length != 42 || decoded[0] != 'E' || decoded[1] != 'd') {
            throw new IllegalArgumentException("'" + base64 + "' is not a minisign public key (base64 of 'Ed', an"
                    + " 8-byte key id and a 32-byte Ed25519 key, as minisign -G prints it)");
        }
        byte[] encoded = new byte[X509_ED25519_PREFIX.length + 32];
        System.arraycopy(X509_ED25519_PREFIX, 0, encoded, 0, X509_ED25519_PREFIX.length);
        System.arraycopy(decoded, 10, encoded, X509_ED25519_PREFIX.length, 32);
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            return new MinisignPublicKey(Arrays.copyOfRange(decoded, 2, 10), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("'" + base64 + "' holds no usable Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** The key id as minisign prints it ({@code minisign public key 89F6BB7A0AC7A31D}): hex of the little-endian id. */
    public String keyIdHex() {
        return hexOfLittleEndian(keyId);
    }

    boolean hasId(byte[] otherKeyId) {
        return Arrays.equals(keyId, otherKeyId);
    }

    PublicKey key() {
        return key;
    }

    static String hexOfLittleEndian(byte[] id) {
        byte[] reversed = new byte[id.length];
        for (int i = 0; i < id.length; i++) {
            reversed[i] = id[id.length - 1 - i];
        }
        return HexFormat.of().withUpperCase().formatHex(reversed);
    }
}
