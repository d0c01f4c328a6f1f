package dev.gomvn.core.provision.proxy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.provision.download.HttpDownloader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
        String userInfo = entry.url().getRawUserInfo();
        if (userInfo == null) {
            return new HttpDownloader(network, log);
        }
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return new HttpDownloader(network.withCredentials(new Credentials("GOPROXY", user, password)), log);
    }

    HttpDownloader direct() {
        return new HttpDownloader(network.withCredentials(null), log);
    }

    /** {@code <proxy>/<path>}, without the proxy's user:password, which travels in a header instead. */
    URI urlOf(GoProxyList.Entry entry, String path) {
        return withoutUserInfo(URI.create(entry.url() + "/" + path));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A URI without its user info is still a URI", e);
        }
    }
}
