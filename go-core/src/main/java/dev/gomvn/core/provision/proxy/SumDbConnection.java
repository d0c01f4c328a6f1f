package dev.gomvn.core.provision.proxy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.sumdb.ChecksumDatabaseSetting;
import dev.gomvn.core.sumdb.SumDbServer;
import java.net.URI;
import java.util.Optional;

/**
 * Reaches a checksum database the way the go command does: through the first GOPROXY entry that
 * answers {@code <proxy>/sumdb/<name>/supported} with 200 (and then only through it), else directly.
 * Which way it went does not matter for trust: every answer is verified against the database's key.
 */
final class SumDbConnection implements SumDbServer {
    private final ChecksumDatabaseSetting database;
    private final GoProxyList proxies;
    private final ProxyClients clients;
    private final GoLog log;
    private URI base;
    private HttpDownloader downloader;

    SumDbConnection(ChecksumDatabaseSetting database, GoProxyList proxies, ProxyClients clients, GoLog log) {
        this.database = database;
        this.proxies = proxies;
        this.clients = clients;
        this.log = log;
    }

    @Override
    public Optional<byte[]> read(String path) {
        connect();
        return downloader.fetchIfPresent(base.resolve(path));
    }

    /** Where the database is reached; never holds credentials, which travel in a header. */
    String describe() {
        connect();
        return base.toString();
    }

    private void connect() {
        if (base != null) {
            return;
        }
        for (GoProxyList.Entry entry : proxies.entries()) {
            if (!entry.isUrl()) {
                break;
            }
            URI candidate = clients.urlOf(entry, "sumdb/" + database.name() + "/");
            HttpDownloader proxyDownloader = clients.forProxy(entry);
            try {
                if (proxyDownloader
                        .fetchIfPresent(candidate.resolve("supported"))
                        .isPresent()) {
                    base = candidate;
                    downloader = proxyDownloader;
                    log.debug("Reaching the checksum database " + database.name() + " through the proxy "
                            + entry.redacted());
                    return;
                }
            } catch (EnvironmentException e) {
                if (!entry.fallBackOnAnyError()) {
                    throw new EnvironmentException(
                            "The proxy " + entry.redacted() + " could not say whether it serves the "
                                    + "checksum database " + database.name() + ": " + e.getMessage(),
                            e);
                }
            }
        }
        base = database.directUrl();
        downloader = clients.direct();
        log.debug("Reaching the checksum database " + database.name() + " directly at " + base);
    }
}
