package dev.gomvn.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A hostile registry for tests: it passes every request on to a real one, except that reading one manifest path
 * returns another's (a registry, or a proxy in front of it, that keeps a different image under a tag).
 */
final class TamperingRegistryProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "transfer-encoding", "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    final String host;

    /** Serves {@code registryHost}, answering reads of {@code path} with those of {@code replacement}. */
    TamperingRegistryProxy(String registryHost, String path, String replacement) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                String requested = exchange.getRequestURI().getRawPath();
                boolean read = exchange.getRequestMethod().equals("GET")
                        || exchange.getRequestMethod().equals("HEAD");
                String forwarded = read && requested.equals(path) ? replacement : requested;
                String query = exchange.getRequestURI().getRawQuery();
                forward(
                        exchange,
                        URI.create("http://" + registryHost + forwarded + (query == null ? "" : "?" + query)));
            }
        });
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange, URI target) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
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
        boolean head = exchange.getRequestMethod().equals("HEAD");
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
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
