package dev.gomvn.core.provision;

import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.provision.proxy.GoProxyList;
import dev.gomvn.core.provision.proxy.ProxyToolchainSource;
import dev.gomvn.core.sumdb.ChecksumDatabaseSetting;
import dev.gomvn.core.sumdb.TreeHeadStore;
import dev.gomvn.core.toolchain.InstalledGo;
import dev.gomvn.core.toolchain.ToolchainRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The module proxy and checksum database a toolchain download from the proxy uses: the build's {@code go.proxy} and
 * {@code go.sumdb}, else GOPROXY and GOSUMDB as the environment or the installed Go's configuration sets them.
 */
final class ToolchainProxySettings {
    private final ToolchainRequest request;
    private final GoLog log;

    ToolchainProxySettings(ToolchainRequest request, GoLog log) {
        this.request = request;
        this.log = log;
    }

    /** The toolchain source on the given proxies, verified against the configured checksum database. */
    ProxyToolchainSource source(GoProxyList proxies) {
        String sumDb = request.sources().sumDb();
        ChecksumDatabaseSetting database = sumDb != null
                ? ChecksumDatabaseSetting.forToolchains(sumDb, "<sumdb> (go.sumdb)")
                : ChecksumDatabaseSetting.forToolchains(
                        effectiveGoSetting("GOSUMDB").orElse(null), "GOSUMDB");
        return new ProxyToolchainSource(
                proxies, database, new TreeHeadStore(request.sdkDirectory().resolve(".sumdb")), request.network(), log);
    }

    /** {@code go.proxy}, else GOPROXY as the environment or the installed Go's configuration sets it. */
    Optional<GoProxyList> goProxy() {
        String configured = request.sources().goProxy();
        if (configured != null) {
            return Optional.of(GoProxyList.parse(configured, "<proxy> (go.proxy)"));
        }
        return effectiveGoSetting("GOPROXY").map(value -> GoProxyList.parse(value, "GOPROXY"));
    }

    static GoProxyList defaultGoProxy() {
        return GoProxyList.parse(GoProxyList.GO_DEFAULT, "GOPROXY");
    }

    /**
     * A go setting from the build's environment, the process environment, or {@code go env} of the
     * installed Go (which adds the GOENV file and GOROOT/go.env); empty if none sets it.
     */
    private Optional<String> effectiveGoSetting(String name) {
        Map<String, String> environment = request.environment();
        String value = environment.get(name);
        if (value != null && !value.isBlank()) {
            return Optional.of(value);
        }
        try {
            return InstalledGo.find(environment, request.memo(), log)
                    .flatMap(go ->
                            GoEnvironment.of(go, request.environment(), log).find(name))
                    .filter(found -> !found.isBlank());
        } catch (GoCoreException noUsableGo) {
            log.debug("No installed Go could report " + name + ": " + noUsableGo.getMessage());
            return Optional.empty();
        }
    }
}
