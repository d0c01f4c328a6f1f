package dev.gomvn.image;

import dev.gomvn.core.net.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to log in to a registry: a settings.xml {@code <server>} login when there is one, else the files
 * {@code docker login} and {@code podman login} write ({@link RegistryAuthFiles}: their {@code auths},
 * {@code credsStore} and {@code credHelpers}).
 *
 * @param serverId          the {@code <server>} id a login belongs (or would belong) to, for messages
 * @param credentials       that server's login, if settings.xml has it
 * @param authFiles         the Docker and podman configuration files used without one
 * @param helperDirectories where the {@code docker-credential-*} helpers those files name are looked for
 */
public record RegistryLogin(
        String serverId, Optional<Credentials> credentials, List<Path> authFiles, List<Path> helperDirectories) {

    /** With this process's Docker and podman configuration files and PATH. */
    public RegistryLogin(String serverId, Optional<Credentials> credentials) {
        this(
                serverId,
                credentials,
                RegistryAuthFiles.ofThisProcess(),
                RegistryAuthFiles.helperDirectoriesOfThisProcess());
    }

    @Override
    public String toString() {
        // Never the password: this may end up in a message.
        return credentials
                .map(value -> "<server> " + serverId + " (user " + value.username() + ")")
                .orElse("the Docker configuration (no <server> " + serverId + " in settings.xml)");
    }
}
