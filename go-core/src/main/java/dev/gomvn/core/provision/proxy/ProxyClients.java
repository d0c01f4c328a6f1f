package dev.gomvn.core.provision.proxy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.UrlLogin;
import dev.gomvn.core.provision.download.HttpDownloader;
import java.net.URI;

/**
 * Downloaders for GOPROXY entries: the Maven proxies, timeouts, retries and offline mode always apply;
 * credentials come from a {@code user:password@} in the proxy URL (as the go command reads them) or
 * else from {@code go.serverId}, and go to that proxy's host only. A database reached directly gets none.
 */
final class ProxyClients {
    private final NetworkSettings network;
    private final GoLog log;

    ProxyClients(NetworkSettings network, GoLog log) {
        this.network = network;
        this.log = log;
    }

    HttpDownloader forProxy(GoProxyList.Entry entry) {
        return UrlLogin.credentials(entry.url(), "GOPROXY")
                .map(login -> new HttpDownloader(network.withCredentials(login), log))
                .orElseGet(() -> new HttpDownloader(network, log));
    }

    HttpDownloader direct() {
        return new HttpDownloader(network.withCredentials(null), log);
    }

    /** {@code <proxy>/<path>}, without the proxy's user:password, which travels in a header instead. */
    URI urlOf(GoProxyList.Entry entry, String path) {
        return UrlLogin.withoutLogin(URI.create(entry.url() + "/" + path));
    }
}
