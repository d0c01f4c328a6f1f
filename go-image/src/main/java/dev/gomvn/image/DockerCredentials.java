package dev.gomvn.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.process.ToolProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A registry login from the files {@code docker login} and {@code podman login} write ({@link RegistryAuthFiles}): the
 * first file that has one wins. In a file, a credential helper named for the registry ({@code credHelpers}) or for all
 * ({@code credsStore}) is asked first, as docker does, by running {@code docker-credential-<helper> get}; then the
 * login stored inline in {@code auths}, as base64 {@code user:password} ({@code auth}) or {@code username} and
 * {@code password}.
 */
final class DockerCredentials {
    /** How long a credential helper may take: one that waits for a keychain to be unlocked must not hold the build. */
    private static final long HELPER_SECONDS = 30;

    private final List<Path> authFiles;
    private final List<Path> helperDirectories;

    /** @param helperDirectories where {@code docker-credential-*} programs are looked for: the PATH's directories */
    DockerCredentials(List<Path> authFiles, List<Path> helperDirectories) {
        this.authFiles = authFiles;
        this.helperDirectories = helperDirectories;
    }

    /** The login for {@code registry} ({@code host[:port]}, {@code docker.io} for Docker Hub), if a file has one. */
    Optional<Credentials> find(String registry) {
        for (Path file : authFiles) {
            if (Files.isRegularFile(file)) {
                Optional<Credentials> found = find(registry, file, read(file));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Credentials> find(String registry, Path file, JsonObject config) {
        Optional<String> key = keyOf(registry, member(config, "auths").keySet());
        Optional<String> helper = key.flatMap(k -> string(member(config, "credHelpers"), k))
                .or(() -> string(member(config, "credHelpers"), registry))
                .or(() -> string(config, "credsStore"));
        if (helper.isPresent()) {
            Optional<Credentials> fromHelper = runHelper(helper.get(), serverUrl(registry), file);
            if (fromHelper.isPresent()) {
                return fromHelper;
            }
        }
        return key.map(k -> member(member(config, "auths"), k)).flatMap(entry -> inline(entry, file));
    }

    private static Optional<Credentials> inline(JsonObject entry, Path file) {
        Optional<String> auth = string(entry, "auth").filter(value -> !value.isBlank());
        if (auth.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.get().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        file.toString(), file + " has an \"auth\" that is not base64; run docker login again.");
            }
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new Credentials(
                            file.toString(), decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        return string(entry, "username")
                .map(user -> new Credentials(
                        file.toString(), user, string(entry, "password").orElse("")));
    }

    /** Runs {@code docker-credential-<helper> get}; empty when it is not installed or has no login for the registry. */
    private Optional<Credentials> runHelper(String helper, String serverUrl, Path file) {
        Optional<Path> program = helperDirectories.stream()
                .flatMap(directory ->
                        List.of("docker-credential-" + helper, "docker-credential-" + helper + ".exe").stream()
                                .map(directory::resolve))
                .filter(Files::isExecutable)
                .findFirst();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Handed what it needs on stdin; it waits for that before answering, so ToolProcess.run does not fit.
            Process process = ToolProcess.builder(List.of(program.get().toString(), "get"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            }
            // Its answer is a few hundred bytes, well within the pipe's buffer: it can end before it is read.
            if (!process.waitFor(HELPER_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EnvironmentException(program.get() + " (the credential helper " + file + " names) did not "
                        + "answer within " + HELPER_SECONDS + " s; unlock its keychain, or put the login into a "
                        + "settings.xml <server>.");
            }
            if (process.exitValue() != 0) {
                // "credentials not found": docker goes on to the login in the file, and so does gomvn.
                return Optional.empty();
            }
            byte[] output;
            try (InputStream out = process.getInputStream()) {
                output = out.readNBytes(64 * 1024);
            }
            JsonObject answer = parse(output, program.get());
            return string(answer, "Username")
                    .map(user -> new Credentials(
                            program.get().toString(),
                            user,
                            string(answer, "Secret").orElse("")));
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not run the credential helper " + program.get() + " that " + file + " names: "
                            + e.getMessage() + ".",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while asking " + program.get() + " for a registry login.", e);
        }
    }

    /**
     * The {@code auths} key for {@code registry}: written as the host, or as a URL ({@code https://host/v1/}); Docker
     * Hub's is {@code https://index.docker.io/v1/}.
     */
    static Optional<String> keyOf(String registry, Iterable<String> keys) {
        List<String> names = isDockerHub(registry)
                ? List.of("docker.io", "index.docker.io", "registry-1.docker.io")
                : List.of(registry.toLowerCase(Locale.ROOT));
        for (String key : keys) {
            String host = key.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("/.*$", "");
            if (names.contains(host.toLowerCase(Locale.ROOT))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** What a credential helper is asked about: the registry, or Docker Hub's historical URL. */
    private static String serverUrl(String registry) {
        return isDockerHub(registry) ? "https://index.docker.io/v1/" : registry;
    }

    static boolean isDockerHub(String registry) {
        return Set.of("docker.io", "index.docker.io", "registry-1.docker.io")
                .contains(registry.toLowerCase(Locale.ROOT));
    }

    private static JsonObject read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read the registry logins in " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject parse(byte[] bytes, Path source) {
        try {
            JsonElement element = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // Reported below, without the content: it holds passwords.
        }
        throw new ConfigurationException(
                source.toString(), source + " does not hold a JSON object of registry logins; fix or remove it.");
    }

    private static JsonObject member(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    private static Optional<String> string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
    }
}
