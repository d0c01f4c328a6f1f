package dev.gomvn.core.provision.install;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The archive must have exactly this SHA-512: the digest controller-tools publishes for envtest archives. The install
 * marker records the archive's SHA-256 like every install, and {@link #digestSource()} prefixed with this SHA-512 (see
 * {@link #vouchedFor}), so a cached install can be checked against a pinned SHA-512 without the archive.
 *
 * @param sha512 128 hex digits; surrounding whitespace and upper case are accepted
 * @param digestSource where the digest came from, for messages and the marker
 */
public record ExpectedSha512(String sha512, String digestSource, String archiveName) implements ArchiveVerifier {
    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-f]{128}");

    public ExpectedSha512 {
        String normalized = sha512 == null ? "" : sha512.trim().toLowerCase(Locale.ROOT);
        if (!isHex(normalized)) {
            throw new ConfigurationException(
                    null,
                    "The expected SHA-512 of " + archiveName + " from " + digestSource + " is '" + sha512
                            + "', which is not 128 hexadecimal digits; correct it there.");
        }
        sha512 = normalized;
    }

    public static boolean isHex(String text) {
        return text != null && SHA512_HEX.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether an install's recorded digest source says it was verified against this SHA-512. */
    public static boolean vouchedFor(String recordedDigestSource, String sha512) {
        return recordedDigestSource.startsWith(prefix(sha512.toLowerCase(Locale.ROOT)));
    }

    @Override
    public VerifiedArchive verify(Path archive) {
        MessageDigest sha512Digest = digest("SHA-512");
        MessageDigest sha256Digest = digest("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(archive)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                sha512Digest.update(buffer, 0, read);
                sha256Digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + archive + " to verify it: " + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(sha512Digest.digest());
        if (!actual.equals(sha512)) {
            throw new VerificationException("SHA-512 mismatch for " + archiveName + ": expected " + sha512 + " (from "
                    + digestSource + "), got " + actual
                    + ". The download is corrupt or tampered with; nothing was installed.");
        }
        return new VerifiedArchive(HexFormat.of().formatHex(sha256Digest.digest()), prefix(sha512) + digestSource);
    }

    private static String prefix(String sha512) {
        return "SHA-512 " + sha512 + " from ";
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides " + algorithm, e);
        }
    }
}
