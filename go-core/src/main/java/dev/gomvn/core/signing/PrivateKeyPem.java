package dev.gomvn.core.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the ECDSA private key of a PEM file with the JDK alone: PKCS#8 {@code PRIVATE KEY}, SEC1 {@code EC PRIVATE
 * KEY} (OpenSSL's {@code ec} and {@code ecparam -genkey}), and PKCS#8 {@code ENCRYPTED PRIVATE KEY} (PBES2, as
 * {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} and {@code openssl genpkey -aes-256-cbc} write it). Formats it cannot
 * read are refused with the OpenSSL command that converts them. No message holds key material or the passphrase.
 */
final class PrivateKeyPem {
    /** PKCS#8's AlgorithmIdentifier of an EC key on P-256: id-ecPublicKey, prime256v1. */
    private static final byte[] EC_P256_ALGORITHM =
            HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");

    private static final String CONVERT = "openssl pkcs8 -topk8 -v2 aes-256-cbc -in <old key> -out <new key>";

    private PrivateKeyPem() {}

    static ECPrivateKey read(String pem, Optional<char[]> passphrase, SigningKeyFile source) {
        List<PemBlock> blocks = PemBlock.parse(pem);
        for (PemBlock block : blocks) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return ecKey(block.der(), source);
                case "EC PRIVATE KEY":
                    if (block.headers().getOrDefault("Proc-Type", "").contains("ENCRYPTED")) {
                        throw source.problem("is an EC PRIVATE KEY in OpenSSL's traditional encryption, which the JDK "
                                + "cannot decrypt; convert it to encrypted PKCS#8 with " + CONVERT + ".");
                    }
                    return ecKey(pkcs8OfSec1(block.der()), source);
                case "ENCRYPTED PRIVATE KEY":
                    return ecKey(decrypt(block.der(), passphrase, source), source);
                case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY":
                    throw source.problem("is a key made by cosign generate-key-pair, in cosign's own encryption "
                            + "(scrypt and NaCl secretbox), which cosign cannot export; make the key with OpenSSL "
                            + "instead (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 "
                            + "-aes-256-cbc -out signing-key.pem) and hand the same key to cosign with "
                            + "cosign import-key-pair --key signing-key.pem when cosign must sign with it too.");
                default:
                // EC PARAMETERS and certificates may stand beside the key.
            }
        }
        throw source.problem("holds no PEM private key (PRIVATE KEY, EC PRIVATE KEY or ENCRYPTED PRIVATE KEY)"
                + (blocks.isEmpty()
                        ? ""
                        : "; it has " + blocks.stream().map(PemBlock::type).toList())
                + "; give an ECDSA P-256 key, e.g. from openssl genpkey -algorithm EC -pkeyopt "
                + "ec_paramgen_curve:P-256 -out signing-key.pem.");
    }

    private static ECPrivateKey ecKey(byte[] pkcs8, SigningKeyFile source) {
        try {
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof ECPrivateKey key
                    && P256.isCurveOf(key)) {
                return key;
            }
        } catch (InvalidKeySpecException e) {
            // Not an EC key at all (RSA, Ed25519) or a damaged one: the same advice below.
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no EC key factory, which every Java SE 17 has", e);
        }
        throw source.problem("is not an ECDSA P-256 private key, the kind cosign signs and verifies with; make one "
                + "with openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out signing-key.pem.");
    }

    private static byte[] decrypt(byte[] der, Optional<char[]> passphrase, SigningKeyFile source) {
        if (passphrase.isEmpty()) {
            throw source.problem("is encrypted, but no passphrase was given; " + source.passphraseAdvice() + ".");
        }
        EncryptedPrivateKeyInfo info;
        String algorithm;
        try {
            info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            // For PBES2 the JDK names the scheme only through its parameters (PBEWithHmacSHA256AndAES_256).
            algorithm = parameters != null && isPbes2(info.getAlgName()) ? parameters.toString() : info.getAlgName();
        } catch (IOException e) {
            // The JDK cannot even parse PBES2 parameters with a KDF it lacks (OpenSSL's -scrypt).
            throw source.problem("is encrypted in a way the JDK cannot read (scrypt, or a damaged block); "
                    + "re-encrypt it with " + CONVERT + ".");
        }
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    factory.generateSecret(new PBEKeySpec(passphrase.get())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw source.problem("is encrypted with " + algorithm + ", which the JDK cannot read; re-encrypt it "
                    + "with " + CONVERT + ".");
        } catch (InvalidKeySpecException e) {
            throw source.problem("could not be decrypted with the passphrase from " + source.passphraseSource()
                    + ": the passphrase is wrong; " + source.passphraseAdvice() + ".");
        } catch (GeneralSecurityException e) {
            throw source.problem("could not be decrypted (" + e.getClass().getSimpleName() + "); re-encrypt it with "
                    + CONVERT + ".");
        }
    }

    private static boolean isPbes2(String name) {
        return "PBES2".equalsIgnoreCase(name) || "1.2.840.113549.1.5.13".equals(name);
    }

    /** A SEC1 ECPrivateKey inside a PKCS#8 PrivateKeyInfo, the one encoding the JDK's key factory reads. */
    private static byte[] pkcs8OfSec1(byte[] sec1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
        body.writeBytes(EC_P256_ALGORITHM);
        body.writeBytes(derElement(0x04, sec1)); // OCTET STRING
        return derElement(0x30, body.toByteArray()); // SEQUENCE
    }

    private static byte[] derElement(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
