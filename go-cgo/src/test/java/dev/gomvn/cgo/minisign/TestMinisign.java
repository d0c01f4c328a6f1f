package dev.gomvn.cgo.minisign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minisign key for the tests, signing as minisign 0.11 does by default (prehashed, trusted comment {@code
 * timestamp:<t>\tfile:<name>\thashed}); MinisignInteropTest proves the verifier against the real minisign.
 */
public final class TestMinisign {
    private final KeyPair keys;
    private final byte[] keyId;

    public TestMinisign(long keyId) {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = new byte[8];
        for (int i = 0; i < 8; i++) {
            this.keyId[i] = (byte) (keyId >>> (8 * i));
        }
    }

    /** The public key as minisign prints it. */
    public String publicKey() {
        byte[] encoded = keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return Base64.getEncoder().encodeToString(concat("Ed".getBytes(StandardCharsets.US_ASCII), keyId, raw));
    }

    /** Writes {@code <file>.minisig} beside {@code file} and returns it. */
    public Path sign(Path file) throws java.io.IOException {
        String comment = "timestamp:1700000000\tfile:" + file.getFileName() + "\thashed";
        return sign(file, comment);
    }

    public Path sign(Path file, String trustedComment) throws java.io.IOException {
        byte[] signature = ed25519(Blake2b.hash(Files.readAllBytes(file)));
        byte[] global = ed25519(concat(signature, trustedComment.getBytes(StandardCharsets.UTF_8)));
        String text = "untrusted comment: signature from a gomvn test key\n"
                + Base64.getEncoder().encodeToString(concat("ED".getBytes(StandardCharsets.US_ASCII), keyId, signature))
                + "\ntrusted comment: " + trustedComment + "\n"
                + Base64.getEncoder().encodeToString(global) + "\n";
        return Files.writeString(file.resolveSibling(file.getFileName() + ".minisig"), text);
    }

    private byte[] ed25519(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        byte[] result =
                new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, offset, part.length);
            offset += part.length;
        }
        return result;
    }
}
