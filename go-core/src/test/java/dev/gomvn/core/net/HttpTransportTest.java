package dev.gomvn.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.FakeConnectProxy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport against servers and proxies on 127.0.0.1 (the origin hosts {@code .invalid} exist only behind one). */
class HttpTransportTest {
    static final String PARAMETER = "<image> (go.image)";

    final List<String> log = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void aLoginGoesWithARedirectToTheSameOriginButNeverToAnother() throws IOException {
        Recording storage = server(exchange -> answer(exchange, 200, "layer"));
        Recording registry = server(exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders()
                    .add("Location", path.equals("/v2/blob") ? "/v2/moved" : storage.url("/bucket/layer?signed=1"));
            answer(exchange, 307, "");
        });
        TransportRequest request = TransportRequest.get(URI.create(registry.url("/v2/blob")))
                .header("Authorization", "Bearer registry-token");

        String body = transport(settings()).execute(request, r -> new String(r.bytes(), StandardCharsets.UTF_8));

        assertThat(body).isEqualTo("layer");
        assertThat(registry.requests).extracting(Request::line).containsExactly("GET /v2/blob", "GET /v2/moved");
        assertThat(registry.requests)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer registry-token"));
        assertThat(storage.requests).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo("GET /bucket/layer?signed=1");
            assertThat(r.authorization()).isNull();
        });
    }

    @Test
    void aRedirectToAnotherSchemeIsRefusedNamingTheParameter() {
        Recording server = server(exchange -> {
            exchange.getResponseHeaders().add("Location", "ftp://mirror.example/layer");
            answer(exchange, 302, "");
        });

        assertThatThrownBy(() -> transport(settings())
                        .execute(TransportRequest.get(URI.create(server.url("/v2/blob"))), TransportResponse::status))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("redirects to ftp://mirror.example/layer, which is not an http(s) URL")
                .hasMessageContaining("Point " + PARAMETER);
    }

    @Test
    void idempotentRequestsAreRetriedAndAPostIsSentOnce() throws IOException {
        Recording server = server(exchange -> answer(exchange, 503, "busy"));
        URI uri = URI.create(server.url("/v2/acme/app/blobs/uploads/"));
        HttpTransport transport = transport(settings().withRetries(2));

        assertThatThrownBy(() -> transport.execute(TransportRequest.head(uri), TransportResponse::status))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("HEAD " + uri + " failed after 3 attempts: HTTP 503. Check the network, the proxy in "
                        + "settings.xml and " + PARAMETER + ".");
        assertThat(server.requests).hasSize(3);
        assertThat(log).filteredOn(line -> line.contains("retrying in")).hasSize(2);

        server.requests.clear();
        int status = transport.execute(
                TransportRequest.post(uri, TransportRequest.Body.of(new byte[] {1})), TransportResponse::status);
        assertThat(status).as("the answer, for the caller to judge").isEqualTo(503);
        assertThat(server.requests).extracting(Request::line).containsExactly("POST /v2/acme/app/blobs/uploads/");

        server.requests.clear();
        TransportRequest completeUpload = TransportRequest.put(uri, TransportRequest.Body.of(new byte[] {1}))
                .once();
        assertThat(transport.execute(completeUpload, TransportResponse::status)).isEqualTo(503);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    @Timeout(30)
    void aServerThatAcceptsAndNeverAnswersFailsAfterTheReadTimeoutNamingIt() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(silent);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        URI uri = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v2/");

        assertThatThrownBy(() -> transport(settings().withReadTimeout(Duration.ofMillis(300)))
                        .execute(TransportRequest.get(uri), TransportResponse::status))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("Downloading " + uri + " failed after 1 attempt: no answer within 300 ms "
                        + "(go.readTimeout). Check the network, the proxy in settings.xml and " + PARAMETER + ".");
        assertThat(accepted).isNotEmpty();
    }

    @Test
    void requestsGoThroughTheSettingsXmlProxyWithItsLogin() throws IOException {
        FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 202 Accepted\r\nLocation: /v2/upload/1");
        servers.add(proxy);
        NetworkSettings network = settings()
                .withProxies(List.of(new ProxySettings("http", "127.0.0.1", proxy.port(), "bob", "pw", "*.internal")));
        URI uri = URI.create("http://registry.invalid/v2/acme/app/blobs/uploads/");

        String location = transport(network)
                .execute(
                        TransportRequest.post(uri, TransportRequest.Body.NONE),
                        response -> response.header("Location").orElseThrow());

        assertThat(location).isEqualTo("/v2/upload/1");
        assertThat(proxy.requests).singleElement().satisfies(head -> {
            assertThat(head.get(0)).isEqualTo("POST " + uri + " HTTP/1.1");
            assertThat(FakeConnectProxy.header(head, "Proxy-Authorization")).isEqualTo("Basic Ym9iOnB3");
        });
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws IOException {
        FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 502 Bad Gateway");
        servers.add(proxy);
        Recording origin = server(exchange -> answer(exchange, 200, "direct"));
        NetworkSettings network = settings()
                .withProxies(
                        List.of(new ProxySettings("http", "127.0.0.1", proxy.port(), "bob", "pw", "localhost|127.*")));

        String body = transport(network)
                .execute(
                        TransportRequest.get(URI.create(origin.url("/v2/"))),
                        response -> new String(response.bytes(), StandardCharsets.UTF_8));

        assertThat(body).isEqualTo("direct");
        assertThat(proxy.requests).isEmpty();
        assertThat(origin.requests)
                .singleElement()
                .satisfies(r -> assertThat(r.headers()).doesNotContainKey("Proxy-authorization"));
    }

    @Test
    void offlineNothingIsSent() {
        Recording server = server(exchange -> answer(exchange, 200, ""));

        assertThatThrownBy(() -> transport(settings().withOffline(true))
                        .execute(TransportRequest.get(URI.create(server.url("/v2/"))), TransportResponse::status))
                .hasMessageStartingWith("Maven runs offline (-o), so " + server.url("/v2/") + " cannot be reached");
        assertThat(server.requests).isEmpty();
    }

    private HttpTransport transport(NetworkSettings network) {
        return new HttpTransport(network, GoLog.of(log::add, log::add, log::add, () -> true, false), PARAMETER);
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, Duration.ofMillis(10));
    }

    record Request(String line, Map<String, List<String>> headers) {
        String authorization() {
            List<String> values = headers.get("Authorization");
            return values == null ? null : values.get(0);
        }
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** An HTTP server on 127.0.0.1 that records each request line (path and query) and its headers. */
    final class Recording {
        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();

        Recording(Handler handler) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(new Request(
                            exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                            Map.copyOf(exchange.getRequestHeaders())));
                    exchange.getRequestBody().readAllBytes();
                    handler.handle(exchange);
                }
            });
            server.start();
            servers.add(() -> server.stop(0));
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }
    }

    private Recording server(Handler handler) {
        try {
            return new Recording(handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
