package dev.gomvn.core.net;

import java.time.Duration;
import java.util.List;

/**
 * Everything that shapes how the core talks to the network.
 *
 * @param proxies     settings.xml proxies, first matching protocol wins (Maven's rule)
 * @param credentials login for the download root, or null
 * @param offline     Maven's -o: never open a connection
 * @param retries     extra attempts after a 5xx, a reset connection or a truncated body
 */
public record NetworkSettings(
        List<ProxySettings> proxies,
        Credentials credentials,
        boolean offline,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        Duration initialBackoff) {

    public static NetworkSettings defaults() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(20), Duration.ofSeconds(60), 3, Duration.ofMillis(500));
    }

    public NetworkSettings withOffline(boolean value) {
        return new NetworkSettings(proxies, credentials, value, connectTimeout, readTimeout, retries, initialBackoff);
    }

    public NetworkSettings withProxies(List<ProxySettings> value) {
        return new NetworkSettings(
                List.copyOf(value), credentials, offline, connectTimeout, readTimeout, retries, initialBackoff);
    }

    public NetworkSettings withConnectTimeout(Duration value) {
        return new NetworkSettings(proxies, credentials, offline, value, readTimeout, retries, initialBackoff);
    }

    public NetworkSettings withReadTimeout(Duration value) {
        return new NetworkSettings(proxies, credentials, offline, connectTimeout, value, retries, initialBackoff);
    }

    public NetworkSettings withRetries(int value) {
        return new NetworkSettings(proxies, credentials, offline, connectTimeout, readTimeout, value, initialBackoff);
    }

    /** The same settings with another login (null for none), e.g. the one in a GOPROXY URL. */
    public NetworkSettings withCredentials(Credentials value) {
        return new NetworkSettings(proxies, value, offline, connectTimeout, readTimeout, retries, initialBackoff);
    }

    /**
     * The proxy Maven would use for this scheme and host, or null for a direct connection. As in Maven,
     * a proxy declared for {@code http} also serves {@code https} unless an {@code https} one is declared.
     */
    public ProxySettings proxyFor(String scheme, String host) {
        ProxySettings chosen = null;
        for (ProxySettings proxy : proxies) {
            if (proxy.protocol().equalsIgnoreCase(scheme)) {
                chosen = proxy;
                break;
            }
            if (chosen == null && "https".equalsIgnoreCase(scheme) && "http".equalsIgnoreCase(proxy.protocol())) {
                chosen = proxy;
            }
        }
        return chosen == null || chosen.bypasses(host) ? null : chosen;
    }
}
