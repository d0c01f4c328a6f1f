package dev.gomvn.core.signing;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A file's signature as {@code cosign sign-blob --key} writes it with {@code --output-signature}: the base64 (standard
 * alphabet, no line break) of the ASN.1 DER ECDSA signature over SHA-256 of the file's bytes, in {@code <file>.sig}
 * beside it, so that {@code cosign verify-blob --key <public key> --signature <file>.sig <file>} checks it.
 */
public final class BlobSignature {
    public static final String SUFFIX = ".sig";

    private BlobSignature() {}

    /** Signs {@code file} and writes {@code <file>.sig}; returns that path. */
    public static Path signBeside(SigningKey key, Path file) {
        Path signatureFile = file.resolveSibling(file.getFileName() + SUFFIX);
        try {
            byte[] signature = key.sign(Files.readAllBytes(file));
            AtomicFiles.write(
                    signatureFile, Base64.getEncoder().encodeToString(signature).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not sign " + file + " into " + signatureFile + ": " + e.getMessage(), e);
        }
        return signatureFile;
    }
}
