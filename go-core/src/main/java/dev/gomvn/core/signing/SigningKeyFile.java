package dev.gomvn.core.signing;

import dev.gomvn.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the signing key comes from, as the build tool configured it: the PEM file, the parameter that named it (for
 * messages), and the passphrase with where it came from. The passphrase is never printed; {@link #toString()}
 * leaves it out.
 *
 * @param file             the PEM file of the ECDSA P-256 private key
 * @param property         the property of the parameter that named it, e.g. {@code go.signing.key}
 * @param parameter        how messages name that parameter, e.g. {@code <signingKey> (go.signing.key)}
 * @param passphrase       the passphrase of an encrypted key, if one was given
 * @param passphraseSource where a passphrase is taken from, for messages, e.g. {@code the environment variable
 *                         GOMVN_SIGNING_PASSPHRASE}
 */
public record SigningKeyFile(
        Path file, String property, String parameter, Optional<char[]> passphrase, String passphraseSource) {

    /**
     * The environment variable a passphrase may come from when settings.xml does not hold it; go processes never
     * see it ({@code GoCommand} removes it from their environment).
     */
    public static final String PASSPHRASE_VARIABLE = "GOMVN_SIGNING_PASSPHRASE";

    /** The passphrase of {@link #PASSPHRASE_VARIABLE} in {@code environment}, if it is set and not empty. */
    public static Optional<char[]> passphraseFrom(Map<String, String> environment) {
        String value = environment.get(PASSPHRASE_VARIABLE);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
    }

    /** Reads and, with the passphrase, decrypts the key. */
    public SigningKey load() {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw problem("does not exist; give the path of a PEM private key.");
        } catch (IOException e) {
            throw problem("could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
        return SigningKey.of(PrivateKeyPem.read(pem, passphrase, this));
    }

    /** A failure that names the parameter and the file and ends with {@code what}, which says the fix. */
    ConfigurationException problem(String what) {
        return new ConfigurationException(property, parameter + " names " + file + ", which " + what);
    }

    /** Where a passphrase can be put. */
    String passphraseAdvice() {
        return "give its passphrase in " + passphraseSource;
    }

    @Override
    public String toString() {
        return parameter + " " + file + (passphrase.isPresent() ? " (with a passphrase)" : "");
    }
}
