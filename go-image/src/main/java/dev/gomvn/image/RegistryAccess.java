package dev.gomvn.image;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How registries are reached: the login for each registry host, whether plain-http registries are allowed, the
 * cache of pulled base images, and the network settings every other download uses (settings.xml proxies, timeouts,
 * retries, Maven's offline mode). One client per registry serves every step of a goal (the push, the referrers, the
 * signature, the attestation), so a token the registry granted is asked for once, not once per step.
 */
public final class RegistryAccess {
    private final Function<String, RegistryLogin> logins;
    private final boolean allowInsecure;
    private final Path cache;
    private final NetworkSettings network;
    private final GoLog log;
    private final Map<String, RegistryClient> clients = new ConcurrentHashMap<>();

    public RegistryAccess(
            Function<String, RegistryLogin> logins,
            boolean allowInsecure,
            Path cache,
            NetworkSettings network,
            GoLog log) {
        this.logins = logins;
        this.allowInsecure = allowInsecure;
        this.cache = cache;
        this.network = network;
        this.log = log;
    }

    /** Where pulled base images are kept. */
    Path cache() {
        return cache;
    }

    boolean offline() {
        return network.offline();
    }

    /** @param parameter what names the image this client is for, for messages: {@code <image> (go.image)} */
    RegistryClient client(String registry, String parameter) {
        return clients.computeIfAbsent(
                registry + " " + parameter,
                key -> new RegistryClient(registry, logins.apply(registry), allowInsecure, parameter, network, log));
    }
}
