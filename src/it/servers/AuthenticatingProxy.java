import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A plain-http forward proxy on 127.0.0.1 that wants a login, as a company proxy named by a settings.xml
 * {@code <proxy>}: it answers 407 to a request without {@code Proxy-Authorization: Basic <user:password>}, passes
 * every other one on to the server its absolute URL names, and appends each request line to a log, "passed" or
 * "refused". Run as a single-file program by the ITs that need one:
 * {@code java AuthenticatingProxy.java <port> <user:password> <log file> [<host> <directory>]}. With a host and a
 * directory, it answers requests for {@code http://<host>/<path>} itself from {@code <directory>/<path>}: a server
 * that only the proxy reaches (go sends no request for 127.0.0.1 through a proxy, so a Go module proxy behind this
 * one needs a name that is not loopback).
 */
public class AuthenticatingProxy {
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "connection", "content-length", "transfer-encoding", "upgrade", "expect",
            "proxy-authorization", "proxy-connection", "http2-settings");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String expected = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        Path log = Path.of(args[2]);
        String servedHost = args.length > 4 ? args[3] : null;
        Path servedDirectory = args.length > 4 ? Path.of(args[4]) : null;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    record(log, "refused " + line);
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"corp\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                record(log, "passed " + line);
                if (exchange.getRequestURI().getHost() != null && exchange.getRequestURI().getHost().equals(servedHost)) {
                    serve(exchange, servedDirectory);
                } else {
                    forward(exchange, body);
                }
            }
        });
        server.start();
    }

    private static synchronized void record(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void serve(HttpExchange exchange, Path directory) throws IOException {
        Path file = directory.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] content = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private static void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(exchange.getRequestURI())
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
}
