package dev.gomvn.core.provision.install;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The archive must have exactly this SHA-256.
 *
 * @param sha256 64 hex digits; surrounding whitespace and upper case are accepted
 * @param digestSource where the digest came from, for messages and the marker
 */
public record ExpectedSha256(String sha256, String digestSource, String archiveName) implements ArchiveVerifier {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ExpectedSha256 {
        String normalized = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(normalized).matches()) {
            throw new ConfigurationException(
                    null,
                    "The expected SHA-256 of " + archiveName + " from " + digestSource + " is '" + sha256
                            + "', which is not 64 hexadecimal digits; correct it there.");
        }
        sha256 = normalized;
    }

    @Override
    public VerifiedArchive verify(Path archive) {
        String actual = Sha256.of(archive);
        if (!actual.equals(sha256)) {
            throw new VerificationException("SHA-256 mismatch for " + archiveName + ": expected " + sha256 + " (from "
                    + digestSource + "), got " + actual
                    + ". The download is corrupt or tampered with; nothing was installed.");
        }
        return new VerifiedArchive(actual, digestSource);
    }
}
