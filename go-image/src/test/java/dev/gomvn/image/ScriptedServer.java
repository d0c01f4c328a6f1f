package dev.gomvn.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 whose answers a test scripts (a registry, its token service, the storage it redirects
 * to), recording every request: its line ({@code METHOD /path?query}) and headers.
 */
final class ScriptedServer implements AutoCloseable {
    interface Script {
        void answer(HttpExchange exchange) throws IOException;
    }

    record Request(String line, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(
                    name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final String host;

    ScriptedServer(Script script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(
                        exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                        Map.copyOf(exchange.getRequestHeaders())));
                exchange.getRequestBody().readAllBytes();
                script.answer(exchange);
            }
        });
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return "http://" + host + path;
    }

    List<String> lines() {
        return requests.stream().map(Request::line).toList();
    }

    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        answer(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
