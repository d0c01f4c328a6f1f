package dev.gomvn.core.signing;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import java.util.HexFormat;

/**
 * An ECDSA P-256 key that signs as cosign does: SHA-256 of the content, the signature ASN.1 DER encoded
 * ({@code SHA256withECDSA}, which is what Go's {@code ecdsa.SignASN1} writes and sigstore's verifier reads). Its
 * public key, in PKIX PEM ({@code PUBLIC KEY}), is what verifiers are given. The private key never leaves this object.
 */
public final class SigningKey {
    public static final String PUBLIC_KEY_FILE = "cosign.pub";
    private static final String ALGORITHM = "SHA256withECDSA";
    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;

    private SigningKey(ECPrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static SigningKey of(ECPrivateKey privateKey) {
        try {
            ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(P256.publicPoint(privateKey.getS()), P256.PARAMETERS));
            return new SigningKey(privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK refused a P-256 public key computed from a valid private key", e);
        }
    }

    /** The ASN.1 DER ECDSA signature over SHA-256 of {@code content}. */
    public byte[] sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(content);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK could not sign with a loaded P-256 key", e);
        }
    }

    /** Whether {@code signature} (ASN.1 DER) is this key's over {@code content}. */
    public boolean verifies(byte[] content, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(content);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // Not a DER signature at all: not this key's either.
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK could not verify with a loaded P-256 key", e);
        }
    }

    /** The public key as {@code cosign verify --key} and {@code openssl} read it: PKIX DER in a PUBLIC KEY block. */
    public String publicKeyPem() {
        return PemBlock.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * Writes {@link #publicKeyPem()} to {@value #PUBLIC_KEY_FILE} in {@code directory}, the name cosign gives it, for
     * those who verify; returns the file.
     */
    public Path writePublicKey(Path directory) {
        Path file = directory.resolve(PUBLIC_KEY_FILE);
        try {
            AtomicFiles.write(file, publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new EnvironmentException("Could not write the public key to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The first 16 hex digits of SHA-256 of the PKIX public key: tells keys apart in a log without showing them. */
    public String fingerprint() {
        byte[] digest = Sha256.newDigest().digest(publicKey.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    @Override
    public String toString() {
        return "ECDSA P-256 key " + fingerprint();
    }
}
