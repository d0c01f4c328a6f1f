package dev.gomvn.image;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How registries are reached: the login for each registry host, whether plain-http registries are allowed, the
 * cache of pulled base images, and the network settings every other download uses (settings.xml proxies, timeouts,
 * retries, Maven's offline mode).
 */
public record RegistryAccess(
        Function<String, RegistryLogin> logins, boolean allowInsecure, Path cache, NetworkSettings network, GoLog log) {

    boolean offline() {
        return network.offline();
    }

    /** @param parameter what names the image this client is for, for messages: {@code <image> (go.image)} */
    RegistryClient client(String registry, String parameter) {
        return new RegistryClient(registry, logins.apply(registry), allowInsecure, parameter, network, log);
    }
}
