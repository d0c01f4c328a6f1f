package dev.gomvn.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A plain-http forward proxy on 127.0.0.1, as a settings.xml {@code <proxy>} with a login names it: it answers 407 to
 * a request without that login and passes every other one on to the server its absolute URL names, recording the
 * request lines it passed on.
 */
final class AuthenticatingProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "upgrade",
            "expect",
            "proxy-authorization",
            "proxy-connection",
            "http2-settings");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    private final String expected;
    final List<String> forwarded = new CopyOnWriteArrayList<>();
    final int port;

    AuthenticatingProxy(String user, String password) {
        expected = RegistryClientTest.basic(user, password);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"corp\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                forwarded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                forward(exchange, body);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(exchange.getRequestURI())
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equals(":status")) {
                values.forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
        });
        byte[] answer = response.body();
        boolean empty = exchange.getRequestMethod().equals("HEAD") || answer.length == 0;
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
