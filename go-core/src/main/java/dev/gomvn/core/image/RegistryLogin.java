package dev.gomvn.core.image;

import dev.gomvn.core.net.Credentials;
import java.util.Optional;

/**
 * How to log in to a registry: a settings.xml {@code <server>} login when there is one, else the Docker
 * configuration ({@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}: its {@code auths},
 * {@code credsStore} and {@code credHelpers}).
 *
 * @param serverId    the {@code <server>} id a login belongs (or would belong) to, for messages
 * @param credentials that server's login, if settings.xml has it
 */
public record RegistryLogin(String serverId, Optional<Credentials> credentials) {

    @Override
    public String toString() {
        // Never the password: this may end up in a message.
        return credentials
                .map(value -> "<server> " + serverId + " (user " + value.username() + ")")
                .orElse("the Docker configuration (no <server> " + serverId + " in settings.xml)");
    }
}
