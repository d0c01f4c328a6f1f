package dev.gomvn.maven;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Turns settings.xml proxies and servers (decrypted) and Maven's -o into the core's network settings. */
public final class MavenNetworkSettings {
    private MavenNetworkSettings() {}

    /** settings.xml proxies and -o, with the server, timeouts and retries of {@code parameters}. */
    public static NetworkSettings from(MavenSession session, SettingsDecrypter decrypter, ParameterValues parameters) {
        String serverId = parameters.string(GoParameter.SERVER_ID).orElse(null);
        List<ProxySettings> proxies = new ArrayList<>();
        for (Proxy proxy : session.getSettings().getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            Proxy decrypted = decrypt(decrypter, new DefaultSettingsDecryptionRequest(proxy))
                    .getProxy();
            proxies.add(new ProxySettings(
                    decrypted.getProtocol(),
                    decrypted.getHost(),
                    decrypted.getPort(),
                    decrypted.getUsername(),
                    decrypted.getPassword(),
                    decrypted.getNonProxyHosts()));
        }
        Credentials credentials = null;
        if (serverId != null && !serverId.isBlank()) {
            credentials =
                    serverCredentials(session, decrypter, serverId, "go.serverId", GoParameter.SERVER_ID.displayName());
        }
        return NetworkSettings.defaults()
                .withProxies(proxies)
                .withCredentials(credentials)
                .withOffline(session.isOffline())
                .withConnectTimeout(Duration.ofSeconds(parameters.number(GoParameter.CONNECT_TIMEOUT, 1)))
                .withReadTimeout(Duration.ofSeconds(parameters.number(GoParameter.READ_TIMEOUT, 1)))
                .withRetries(parameters.number(GoParameter.RETRIES, 0));
    }

    /**
     * The decrypted login of the settings.xml {@code <server>} with this id.
     *
     * @param property    the property of the parameter that chose the server, e.g. {@code go.serverId}
     * @param displayName how messages name that parameter, e.g. {@code <serverId> (go.serverId)}
     */
    public static Credentials serverCredentials(
            MavenSession session, SettingsDecrypter decrypter, String serverId, String property, String displayName) {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new ConfigurationException(
                    property,
                    displayName + " is '" + serverId
                            + "', but settings.xml has no <server> with that <id>; add one with <username> and <password>.");
        }
        Server decrypted =
                decrypt(decrypter, new DefaultSettingsDecryptionRequest(server)).getServer();
        return new Credentials(serverId, decrypted.getUsername(), decrypted.getPassword());
    }

    /**
     * The settings.xml {@code <server>} with this id, its secrets (password, passphrase) decrypted; empty when there
     * is none.
     */
    public static Optional<Server> decryptedServer(MavenSession session, SettingsDecrypter decrypter, String serverId) {
        Server server = session.getSettings().getServer(serverId);
        return server == null
                ? Optional.empty()
                : Optional.of(decrypt(decrypter, new DefaultSettingsDecryptionRequest(server))
                        .getServer());
    }

    private static SettingsDecryptionResult decrypt(
            SettingsDecrypter decrypter, DefaultSettingsDecryptionRequest request) {
        SettingsDecryptionResult result = decrypter.decrypt(request);
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem text never contains the secret itself, only what went wrong.
                throw new ConfigurationException(
                        "settings.xml",
                        "Could not decrypt a password in settings.xml: " + problem.getMessage()
                                + "; check ~/.m2/settings-security.xml.");
            }
        }
        return result;
    }
}
