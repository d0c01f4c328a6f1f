package dev.gomvn.image;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * How registries are reached: the login for each registry host, whether plain-http registries are allowed, the
 * cache of pulled base images and Maven's offline mode.
 */
public record RegistryAccess(
        Function<String, RegistryLogin> logins, boolean allowInsecure, Path cache, boolean offline) {

    /** @param parameter what names the image this client is for, for messages: {@code <image> (go.image)} */
    RegistryClient client(String registry, String parameter) {
        return new RegistryClient(registry, logins.apply(registry), allowInsecure, parameter);
    }
}
