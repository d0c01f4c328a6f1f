package dev.gomvn.image;

import static dev.gomvn.image.ScriptedServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The registry protocol against scripted registries, token services and storage on 127.0.0.1. */
class RegistryClientTest {
    static final String IMAGE = "<image> (go.image)";
    static final byte[] LAYER = "layer bytes".getBytes(StandardCharsets.UTF_8);
    static final String DIGEST = OciDescriptor.digestOf(LAYER);

    @TempDir
    Path temp;

    final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void aBearerChallengeIsAnsweredWithATokenForTheScopeAskedWithTheLoginAndKeptForTheScope() {
        ScriptedServer tokens = server(exchange -> {
            boolean login =
                    basic("alice", "s3cret").equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, login ? 200 : 401, login ? "{\"token\": \"push-token\"}" : "");
        });
        ScriptedServer registry = server(exchange -> {
            if ("Bearer push-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 404, "");
                return;
            }
            exchange.getResponseHeaders()
                    .add(
                            "WWW-Authenticate",
                            "Bearer realm=\"" + tokens.url("/token") + "\",service=\"test-registry\","
                                    + "scope=\"repository:acme/app:pull\"");
            answer(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
        });
        RegistryClient client = client(registry, login(new Credentials(registry.host, "alice", "s3cret")));

        assertThat(client.hasBlob("acme/app", DIGEST)).isFalse();
        assertThat(client.hasBlob("acme/app", DIGEST)).isFalse();

        assertThat(tokens.lines())
                .as("one token for the scope, asked for pull and push")
                .containsExactly("GET /token?service=test-registry&scope=repository%3Aacme%2Fapp%3Apull%2Cpush");
        assertThat(registry.lines())
                .containsExactly(
                        "HEAD /v2/acme/app/blobs/" + DIGEST,
                        "HEAD /v2/acme/app/blobs/" + DIGEST,
                        "HEAD /v2/acme/app/blobs/" + DIGEST);
        assertThat(registry.requests.get(0).header("Authorization"))
                .as("anonymous first")
                .isNull();
    }

    @Test
    void aTokenServiceThatRefusesTheLoginNamesTheServerToFix() {
        ScriptedServer tokens = server(exchange -> answer(exchange, 401, ""));
        ScriptedServer registry = server(exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + tokens.url("/token") + "\"");
            answer(exchange, 401, "");
        });

        assertThatThrownBy(() -> client(registry, login(new Credentials(registry.host, "alice", "wrong-pw")))
                        .hasBlob("acme/app", DIGEST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The registry " + registry.host + " refused to check blob " + DIGEST + " in acme/app (HTTP "
                        + "401 Unauthorized) with the login from <server> " + registry.host + " (user alice); put a "
                        + "<username> and <password> allowed to push there into the settings.xml <server> with <id>"
                        + registry.host + "</id> (or log in with docker login " + registry.host + ").");
    }

    @Test
    void aTokenServiceThatCannotBeReachedIsNamedNotTheRegistry() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String realm = "http://127.0.0.1:" + closed + "/token";
        ScriptedServer registry = server(exchange -> {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
            answer(exchange, 401, "");
        });

        assertThatThrownBy(() -> client(registry, login(null)).hasBlob("acme/app", DIGEST))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("Could not get a login token for the registry " + registry.host + " from its token service "
                        + realm + " (127.0.0.1:" + closed + " refused the connection); check the network and the "
                        + "<proxy> in settings.xml.");
    }

    @Test
    void aBasicChallengeIsAnsweredOnceAndTheLoginThenSentUpFront() {
        ScriptedServer registry = basicRegistry("alice", "s3cret");
        RegistryClient client = client(registry, login(new Credentials(registry.host, "alice", "s3cret")));

        assertThat(client.hasBlob("acme/app", DIGEST)).isFalse();
        assertThat(client.hasBlob("acme/app", "sha256:" + "0".repeat(64))).isFalse();

        assertThat(registry.requests).hasSize(3);
        assertThat(registry.requests.get(0).header("Authorization")).isNull();
        assertThat(registry.requests.subList(1, 3))
                .allSatisfy(
                        request -> assertThat(request.header("Authorization")).isEqualTo(basic("alice", "s3cret")));
    }

    @Test
    void withoutAServerTheLoginComesFromTheUsernameAndPasswordOfTheDockerConfiguration() throws IOException {
        ScriptedServer registry = basicRegistry("ci", "from-config");
        Path config = Files.writeString(
                temp.resolve("config.json"),
                "{\"auths\": {\"https://" + registry.host + "/v1/\": {\"username\": \"ci\", \"password\": "
                        + "\"from-config\"}}}");

        RegistryLogin login = new RegistryLogin(registry.host, Optional.empty(), List.of(config), List.of());

        assertThat(client(registry, login).hasBlob("acme/app", DIGEST)).isFalse();
    }

    @Test
    void aCredentialHelperTheDockerConfigurationNamesIsAskedForTheRegistry() throws IOException {
        ScriptedServer registry = basicRegistry("helper-user", "helper-secret");
        Path helpers = Files.createDirectories(temp.resolve("helpers"));
        Path helper = Files.writeString(
                helpers.resolve("docker-credential-test"),
                "#!/bin/sh\nread -r server\n[ \"$server\" = \"" + registry.host + "\" ] || { echo 'credentials not "
                        + "found' >&2; exit 1; }\necho '{\"ServerURL\":\"'$server'\",\"Username\":\"helper-user\","
                        + "\"Secret\":\"helper-secret\"}'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.writeString(
                temp.resolve("config.json"),
                "{\"auths\": {\"" + registry.host + "\": {}}, \"credHelpers\": {\"" + registry.host + "\": \"test\"}}");

        RegistryLogin login = new RegistryLogin(registry.host, Optional.empty(), List.of(config), List.of(helpers));

        assertThat(client(registry, login).hasBlob("acme/app", DIGEST)).isFalse();
        assertThat(registry.requests.get(1).header("Authorization")).isEqualTo(basic("helper-user", "helper-secret"));
    }

    @Test
    void aMountIsDoneWhenTheRegistryAnswers201AndNotWhenItOpensAnUploadInstead() {
        List<Integer> answers = new CopyOnWriteArrayList<>(List.of(201, 202));
        ScriptedServer registry = server(exchange -> {
            exchange.getResponseHeaders().add("Location", "/v2/acme/app/blobs/uploads/session-1");
            answer(exchange, answers.remove(0), "");
        });
        RegistryClient client = client(registry, login(null));

        assertThat(client.mountBlob("acme/app", DIGEST, "base/static")).isTrue();
        assertThat(client.mountBlob("acme/app", DIGEST, "base/static")).isFalse();
        assertThat(registry.lines())
                .containsOnly("POST /v2/acme/app/blobs/uploads/?mount=" + DIGEST + "&from=base/static");
    }

    @Test
    void aBlobIsFollowedToItsStorageWithoutTheLoginAndStoredWhenItsDigestMatches() throws IOException {
        ScriptedServer storage = server(exchange -> answer(exchange, 200, LAYER));
        ScriptedServer registry = server(exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                answer(exchange, 401, "");
                return;
            }
            exchange.getResponseHeaders().add("Location", storage.url("/bucket/layer?signature=abc"));
            answer(exchange, 307, "");
        });
        Path target = temp.resolve("cache/blobs/layer");

        client(registry, login(new Credentials(registry.host, "alice", "s3cret")))
                .fetchBlob("base/static", DIGEST, target);

        assertThat(target).hasBinaryContent(LAYER);
        assertThat(storage.requests).singleElement().satisfies(request -> {
            assertThat(request.line()).isEqualTo("GET /bucket/layer?signature=abc");
            assertThat(request.header("Authorization")).isNull();
        });
    }

    @Test
    void aBlobWithOtherBytesIsRefusedAndNothingIsStored() throws IOException {
        ScriptedServer registry = server(exchange -> answer(exchange, 200, "other bytes"));
        Path target = temp.resolve("cache/blobs/layer");

        assertThatThrownBy(() -> client(registry, login(null)).fetchBlob("base/static", DIGEST, target))
                .isInstanceOf(VerificationException.class)
                .hasMessage("The registry " + registry.host + " answered the request to download blob " + DIGEST
                        + " from base/static with other bytes (Digest mismatch: "
                        + OciDescriptor.digestOf("other bytes".getBytes(StandardCharsets.UTF_8)) + " != " + DIGEST
                        + "): the blob was altered in the registry or on the way, and nothing was stored. Check the "
                        + "image that " + IMAGE + " names and who can write to that registry.");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @Timeout(30)
    void aRegistryThatAcceptsAndNeverAnswersFailsAfterTheReadTimeoutNamingTheImage() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(silent);
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        String host = "127.0.0.1:" + silent.getLocalPort();
        NetworkSettings network = settings().withReadTimeout(Duration.ofMillis(400));
        RegistryClient client =
                new RegistryClient(host, login(null), true, IMAGE, network, new ImageTestSupport.Lines());

        assertThatThrownBy(() -> client.hasBlob("acme/app", DIGEST))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("Could not reach the registry " + host + " to check blob " + DIGEST + " in acme/app (no "
                        + "answer within 400 ms (go.readTimeout), HttpTimeoutException); check the registry in " + IMAGE
                        + " and the network.");
        assertThat(held).isNotEmpty();
    }

    private ScriptedServer basicRegistry(String user, String password) {
        return server(exchange -> {
            if (basic(user, password).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 404, "");
                return;
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
            answer(exchange, 401, "");
        });
    }

    private RegistryClient client(ScriptedServer registry, RegistryLogin login) {
        return new RegistryClient(registry.host, login, true, IMAGE, settings(), new ImageTestSupport.Lines());
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, Duration.ofMillis(10));
    }

    /** A settings.xml login, or none, and no Docker configuration: what the test gives is all there is. */
    private static RegistryLogin login(Credentials credentials) {
        return new RegistryLogin(
                credentials == null ? "registry" : credentials.serverId(),
                Optional.ofNullable(credentials),
                List.of(),
                List.of());
    }

    private ScriptedServer server(ScriptedServer.Script script) {
        ScriptedServer server = new ScriptedServer(script);
        servers.add(server);
        return server;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
