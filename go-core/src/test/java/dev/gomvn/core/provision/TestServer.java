package dev.gomvn.core.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 whose answers each test scripts, and which records every request. */
public final class TestServer implements AutoCloseable {
    interface Handler {
        void handle(HttpExchange exchange, int attempt) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Handler> prefixHandlers = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getPath()
                    + (exchange.getRequestURI().getQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getQuery());
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            int attempt = attempts.merge(key, 1, Integer::sum);
            Handler handler = handlers.get(key);
            if (handler == null) {
                handler = prefixHandlers.entrySet().stream()
                        .filter(entry -> key.startsWith(entry.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            try {
                if (handler == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    handler.handle(exchange, attempt);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void on(String pathAndQuery, Handler handler) {
        handlers.put(pathAndQuery, handler);
    }

    /** Answers every path below {@code prefix} that has no exact handler. */
    void onPrefix(String prefix, Handler handler) {
        prefixHandlers.put(prefix, handler);
    }

    public void serve(String path, byte[] body) {
        on(path, (exchange, attempt) -> send(exchange, 200, body));
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public void redirect(String path, String location) {
        on(path, (exchange, attempt) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.equals("GET " + path)).count();
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
