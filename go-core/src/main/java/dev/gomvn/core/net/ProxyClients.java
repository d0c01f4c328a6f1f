package dev.gomvn.core.net;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients of one {@link HttpTransport}: one for direct connections and one per proxy, kept for the
 * transport's life so connections are reused, and one per {@link ProxyTunnelRelay} of an attempt. None has an
 * {@link java.net.Authenticator}, so the JDK never answers a 401 or 407 with another attempt of its own, and none
 * follows redirects: {@link RedirectPolicy} decides.
 */
final class ProxyClients {
    private final NetworkSettings settings;
    private final Map<Optional<ProxySettings>, HttpClient> clients = new ConcurrentHashMap<>();

    ProxyClients(NetworkSettings settings) {
        this.settings = settings;
    }

    /** The client for a direct connection ({@code proxy} null) or through a proxy that needs no relay. */
    HttpClient client(ProxySettings proxy) {
        return clients.computeIfAbsent(
                Optional.ofNullable(proxy),
                key -> build(key.map(p -> ProxySelector.of(InetSocketAddress.createUnresolved(p.host(), p.port())))
                        .orElse(HttpClient.Builder.NO_PROXY)));
    }

    Tunnels tunnels() {
        return new Tunnels();
    }

    private HttpClient build(ProxySelector proxy) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxy)
                .build();
    }

    /** A relay and the client that uses it as its proxy. */
    record Tunnel(ProxyTunnelRelay relay, HttpClient client) {}

    /**
     * The tunnel relays of one attempt, started on first use and closed with the attempt: a response body streams
     * through them, so they must outlive the request.
     */
    final class Tunnels implements AutoCloseable {
        private final Map<ProxySettings, Tunnel> relays = new HashMap<>();

        Tunnel relayTo(ProxySettings proxy) {
            Tunnel tunnel = relays.get(proxy);
            if (tunnel == null) {
                ProxyTunnelRelay relay;
                try {
                    relay = ProxyTunnelRelay.start(proxy, settings.connectTimeout(), settings.readTimeout());
                } catch (IOException e) {
                    throw new EnvironmentException(
                            "Could not open a local relay on 127.0.0.1 for the proxy " + proxy + ": "
                                    + HttpTransport.describe(e),
                            e);
                }
                tunnel = new Tunnel(relay, build(ProxySelector.of(relay.address())));
                relays.put(proxy, tunnel);
            }
            return tunnel;
        }

        @Override
        public void close() {
            relays.values().forEach(tunnel -> tunnel.relay().close());
        }
    }
}
