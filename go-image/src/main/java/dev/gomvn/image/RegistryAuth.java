package dev.gomvn.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.HttpTransport;
import dev.gomvn.core.net.TransportRequest;
import dev.gomvn.core.net.UnreachableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a registry client logs in, as the distribution protocol has it: each request goes out anonymously or with what
 * an earlier challenge earned; a 401 names the scheme in {@code WWW-Authenticate}. {@code Basic} is answered with the
 * login; {@code Bearer} with a token from the realm it names, asked for the request's scopes with the login (or
 * anonymously, which public images allow). Tokens are kept per scope for the client's life. The login comes from
 * settings.xml, else from the Docker and podman files, looked up only when a registry asks for it.
 */
final class RegistryAuth {
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z_]+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final String registry;
    private final RegistryLogin login;
    private final boolean insecure;
    private final HttpTransport transport;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private volatile Optional<Credentials> credentials;
    private volatile String basic;

    RegistryAuth(String registry, RegistryLogin login, boolean insecure, HttpTransport transport) {
        this.registry = registry;
        this.login = login;
        this.insecure = insecure;
        this.transport = transport;
    }

    /** {@code request} with the Authorization earned for {@code scopes} so far, if any. */
    TransportRequest authorize(TransportRequest request, List<String> scopes) {
        String authorization = basic != null ? basic : authorizations.get(String.join(" ", scopes));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /**
     * Answers the challenge of a 401 for {@code scopes}, so that {@link #authorize} adds what it earned.
     *
     * @return false when there is nothing to answer it with (Basic without a login, an unknown scheme, a token service
     *     that refuses the login): the 401 stands
     */
    boolean answer(Optional<String> challenge, List<String> scopes) throws IOException {
        String header = challenge.orElse("").strip();
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> parameters = parameters(space < 0 ? "" : header.substring(space + 1));
        if (scheme.equals("basic")) {
            Optional<Credentials> login = credentials();
            login.ifPresent(value -> basic = basicAuthorization(value));
            return login.isPresent();
        }
        if (scheme.equals("bearer") && parameters.containsKey("realm")) {
            Optional<String> token = token(parameters, scopes);
            token.ifPresent(value -> authorizations.put(String.join(" ", scopes), "Bearer " + value));
            return token.isPresent();
        }
        return false;
    }

    /** A token for {@code scopes} from the challenge's realm; empty when the realm refuses the login. */
    private Optional<String> token(Map<String, String> challenge, List<String> scopes) throws IOException {
        URI realm = URI.create(challenge.get("realm"));
        String scheme = String.valueOf(realm.getScheme()).toLowerCase(Locale.ROOT);
        Optional<Credentials> login = credentials();
        if (scheme.equals("http") && login.isPresent() && !insecure) {
            throw new EnvironmentException("The registry " + registry + " sends logins to " + realm
                    + ", a plain-http token service where anyone on the way could read them; gomvn refuses. Fix the "
                    + "registry's token realm, or allow plain http with <allowInsecureRegistries> "
                    + "(go.image.allowInsecureRegistries) if that network is trusted.");
        }
        StringBuilder query = new StringBuilder();
        Optional.ofNullable(challenge.get("service")).ifPresent(service -> append(query, "service", service));
        scopes.forEach(scope -> append(query, "scope", scope));
        String separator = realm.getRawQuery() == null ? "?" : "&";
        TransportRequest request =
                TransportRequest.get(URI.create(realm + (query.length() == 0 ? "" : separator + query)));
        if (login.isPresent()) {
            request = request.header("Authorization", basicAuthorization(login.get()));
        }
        try {
            return transport.execute(request, response -> {
                if (response.status() == 401 || response.status() == 403) {
                    return Optional.empty();
                }
                if (response.status() != 200) {
                    throw new EnvironmentException("The token service " + realm + " of the registry " + registry
                            + " answered HTTP " + response.status() + " when asked for " + String.join(" ", scopes)
                            + ".");
                }
                return Optional.of(tokenOf(response.bytes(), realm));
            });
        } catch (UnreachableException e) {
            // Not the registry's failure: the message must name the host that could not be reached.
            throw new EnvironmentException(
                    "Could not get a login token for the registry " + registry + " from its token service " + realm
                            + " (" + e.reason() + "); check the network and the <proxy> in settings.xml.",
                    e);
        }
    }

    private String tokenOf(byte[] body, URI realm) {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonObject()) {
                JsonObject object = json.getAsJsonObject();
                for (String name : List.of("token", "access_token")) {
                    if (object.has(name) && object.get(name).isJsonPrimitive()) {
                        return object.get(name).getAsString();
                    }
                }
            }
        } catch (JsonParseException e) {
            // Reported below, without the body: it may hold a token.
        }
        throw new EnvironmentException("The token service " + realm + " of the registry " + registry
                + " answered without a token (no \"token\" or \"access_token\" in its JSON).");
    }

    /** The login, looked up once: settings.xml's, else the Docker and podman files'. */
    private Optional<Credentials> credentials() {
        Optional<Credentials> known = credentials;
        if (known == null) {
            known = login.credentials()
                    .or(() -> new DockerCredentials(login.authFiles(), login.helperDirectories()).find(registry));
            credentials = known;
        }
        return known;
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            parameters.put(
                    matcher.group(1).toLowerCase(Locale.ROOT),
                    matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return parameters;
    }

    private static void append(StringBuilder query, String name, String value) {
        query.append(query.length() == 0 ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String basicAuthorization(Credentials login) {
        String pair = login.username() + ":" + (login.password() == null ? "" : login.password());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
