package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.signing.SigningKey;
import dev.gomvn.core.signing.SigningKeyFile;
import dev.gomvn.maven.MavenNetworkSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The key go:build and go:image-push sign with, from {@code <signingKey>} (go.signing.key: a PEM file) or
 * {@code <signingKeyServerId>} (go.signing.serverId: a settings.xml {@code <server>} whose {@code <privateKey>} is the
 * PEM file and whose {@code <passphrase>}, decrypted as every settings.xml secret, opens it). A passphrase is never
 * a plain parameter, which would stand in the POM or on a command line: it comes from settings.xml or from the
 * environment variable GOMVN_SIGNING_PASSPHRASE. No key configured signs nothing, said in one line.
 */
final class SigningKeys {
    static final String KEY_PARAMETER = "<signingKey> (go.signing.key)";
    static final String SERVER_PARAMETER = "<signingKeyServerId> (go.signing.serverId)";

    private SigningKeys() {}

    /** @param unsigned what goes unsigned without a key, for the line that says so, e.g. {@code the image} */
    static Optional<SigningKey> resolve(
            File signingKey,
            String serverId,
            MavenSession session,
            SettingsDecrypter decrypter,
            GoLog log,
            String unsigned) {
        boolean byServer = serverId != null && !serverId.isBlank();
        if (signingKey != null && byServer) {
            throw new ConfigurationException(
                    "go.signing.key",
                    KEY_PARAMETER + " and " + SERVER_PARAMETER + " are both set; give the key one way: the file, "
                            + "or the settings.xml <server> whose <privateKey> names it.");
        }
        Optional<char[]> fromEnvironment = SigningKeyFile.passphraseFrom(System.getenv());
        String environment = "the environment variable " + SigningKeyFile.PASSPHRASE_VARIABLE;
        if (signingKey != null) {
            return Optional.of(new SigningKeyFile(
                            signingKey.toPath(), "go.signing.key", KEY_PARAMETER, fromEnvironment, environment)
                    .load());
        }
        if (!byServer) {
            log.debug("Not signing " + unsigned + ": no " + KEY_PARAMETER + " or " + SERVER_PARAMETER + ".");
            return Optional.empty();
        }
        Server server = MavenNetworkSettings.decryptedServer(session, decrypter, serverId)
                .orElseThrow(() -> new ConfigurationException(
                        "go.signing.serverId",
                        SERVER_PARAMETER + " is '" + serverId + "', but settings.xml has no <server> with that "
                                + "<id>; add one with <privateKey> (the PEM file of the key) and <passphrase>."));
        if (server.getPrivateKey() == null || server.getPrivateKey().isBlank()) {
            throw new ConfigurationException(
                    "go.signing.serverId",
                    "The settings.xml <server> '" + serverId + "' that " + SERVER_PARAMETER
                            + " names has no <privateKey>; set it to the path of the PEM file of the signing key.");
        }
        String serverPassphrase = server.getPassphrase();
        boolean inSettings = serverPassphrase != null && !serverPassphrase.isEmpty();
        return Optional.of(new SigningKeyFile(
                        Path.of(server.getPrivateKey()),
                        "go.signing.serverId",
                        "The <privateKey> of the settings.xml <server> '" + serverId + "' (" + SERVER_PARAMETER + ")",
                        inSettings ? Optional.of(serverPassphrase.toCharArray()) : fromEnvironment,
                        inSettings
                                ? "the <passphrase> of the settings.xml <server> '" + serverId + "'"
                                : "the <passphrase> of the settings.xml <server> '" + serverId + "' or " + environment)
                .load());
    }
}
