package dev.gomvn.core.net;

import dev.gomvn.core.HumanReadable;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A CONNECT relay on 127.0.0.1 that adds Basic credentials to the tunnels an HTTP client opens through a proxy.
 *
 * <p>Why it exists: java.net.http drops a Basic {@code Proxy-Authorization} header from CONNECT requests unless the
 * JVM-wide property {@code jdk.http.auth.tunneling.disabledSchemes} is cleared before the client first loads, which
 * would change every other plugin in the Maven JVM; and its {@link java.net.Authenticator} answers a refused password
 * with more attempts, which locks accounts on corporate proxies. So the client is given this relay as a proxy without
 * credentials. The relay sends each CONNECT it receives to the real proxy once, with the credentials, and then only
 * copies bytes: TLS stays end to end between the client and the origin server. A CONNECT the proxy refuses is
 * answered with the proxy's status and remembered as {@link #failure()}; after a 407 the relay no longer offers the
 * credentials to the proxy at all. Only CONNECT is relayed, only on the loopback interface, and only for a client
 * that presents this relay's random admission token in the {@value #ADMISSION_HEADER} header (java.net.http sends a
 * request's {@code Proxy-*} headers with its CONNECT, and to no origin): any other local process, which could reach
 * the port too, is refused before the proxy sees anything, so the proxy login serves this build alone.
 *
 * <p>Close it when the download is done: that closes every socket and ends every thread it started.
 */
public final class ProxyTunnelRelay implements AutoCloseable {
    /** The header that carries {@link #admissionToken()} on the client's CONNECT. */
    public static final String ADMISSION_HEADER = "Proxy-Gomvn-Relay";

    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TARGET = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):[0-9]{1,5}");
    private static final AtomicInteger RELAYS = new AtomicInteger();

    private final ProxySettings proxy;
    private final int connectTimeoutMillis;
    private final int answerTimeoutMillis;
    private final String name;
    private final ServerSocket server;
    private final String admissionToken;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final AtomicInteger tunnels = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Why a tunnel could not be opened.
     *
     * @param target {@code host:port} the client asked for
     * @param status the status the relay answered the client with: the proxy's own, or 502/504 when it did not answer
     * @param detail in words, e.g. {@code the proxy answered HTTP 407 Proxy Authentication Required}; no credentials
     */
    public record Failure(String target, int status, String detail) {
        public boolean credentialsRefused() {
            return status == 407;
        }

        @Override
        public String toString() {
            return detail + " (tunnel to " + target + ")";
        }
    }

    private ProxyTunnelRelay(ProxySettings proxy, Duration connectTimeout, Duration answerTimeout) throws IOException {
        this.proxy = proxy;
        this.connectTimeoutMillis = millis(connectTimeout);
        this.answerTimeoutMillis = millis(answerTimeout);
        this.name = "gomvn-proxy-relay-" + RELAYS.incrementAndGet();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        this.admissionToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * Starts a relay to {@code proxy}, which must have credentials.
     *
     * @param connectTimeout how long connecting to the proxy may take (go.connectTimeout)
     * @param answerTimeout  how long the client and the proxy may take to send their CONNECT request and answer
     */
    public static ProxyTunnelRelay start(ProxySettings proxy, Duration connectTimeout, Duration answerTimeout)
            throws IOException {
        if (!proxy.hasCredentials()) {
            throw new IllegalArgumentException("A proxy without credentials needs no relay: " + proxy);
        }
        ProxyTunnelRelay relay = new ProxyTunnelRelay(proxy, connectTimeout, answerTimeout);
        relay.startThread(relay.name + "-accept", relay::acceptLoop);
        return relay;
    }

    /** The address to give the HTTP client as its (unauthenticated) proxy. */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** What a client must send in {@link #ADMISSION_HEADER}; the relay refuses every CONNECT without it. */
    public String admissionToken() {
        return admissionToken;
    }

    /** The proxy the relay forwards to. */
    public ProxySettings proxy() {
        return proxy;
    }

    /** The last tunnel that could not be opened, if any. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(ProxyTunnelRelay::closeQuietly);
        // Every thread blocks on one of the sockets just closed, so they end at once; wait a little to be sure.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread thread : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || thread == Thread.currentThread()) {
                continue;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** For logs: names the proxy without its password. */
    @Override
    public String toString() {
        return "relay " + address() + " to the proxy " + proxy;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!track(client)) {
                return;
            }
            startThread(name + "-tunnel-" + tunnels.incrementAndGet(), () -> serve(client));
        }
    }

    /** One client connection: its CONNECT, the proxy's answer, then bytes both ways. */
    private void serve(Socket client) {
        Socket upstream = null;
        boolean relaying = false;
        try {
            client.setSoTimeout(answerTimeoutMillis);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            List<String> request = readHead(fromClient);
            if (request == null) {
                return;
            }
            String[] requestLine = request.get(0).split(" ");
            if (requestLine.length != 3 || !requestLine[0].equals("CONNECT") || !requestLine[2].startsWith("HTTP/1.")) {
                answer(toClient, 405, "Method Not Allowed", "Allow: CONNECT\r\n");
                return;
            }
            if (!admitted(request)) {
                // Not this build's client: no failure is recorded, and the proxy never hears of it.
                answer(toClient, 403, "Forbidden", "");
                return;
            }
            String target = requestLine[1];
            if (!TARGET.matcher(target).matches()) {
                answer(toClient, 400, "Bad Request", "");
                return;
            }
            Failure earlier = failure.get();
            if (earlier != null && earlier.credentialsRefused()) {
                // The proxy refused these credentials once: offering them again only counts towards a lockout.
                refuse(toClient, new Failure(target, 407, earlier.detail()));
                return;
            }
            upstream = new Socket();
            if (!track(upstream)) {
                return;
            }
            try {
                upstream.connect(new InetSocketAddress(proxy.host(), proxy.port()), connectTimeoutMillis);
            } catch (SocketTimeoutException e) {
                refuse(
                        toClient,
                        new Failure(
                                target,
                                504,
                                "the proxy " + where() + " could not be reached within "
                                        + HumanReadable.duration(Duration.ofMillis(connectTimeoutMillis))
                                        + " (go.connectTimeout)"));
                return;
            } catch (IOException e) {
                refuse(
                        toClient,
                        new Failure(
                                target, 502, "the proxy " + where() + " could not be reached (" + describe(e) + ")"));
                return;
            }
            upstream.setSoTimeout(answerTimeoutMillis);
            OutputStream toProxy = upstream.getOutputStream();
            toProxy.write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nProxy-Authorization: "
                            + proxy.basicAuthorization() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            toProxy.flush();
            InputStream fromProxy = new BufferedInputStream(upstream.getInputStream());
            List<String> answer;
            try {
                answer = readHead(fromProxy);
            } catch (SocketTimeoutException e) {
                refuse(
                        toClient,
                        new Failure(
                                target,
                                504,
                                "the proxy " + where() + " did not answer within "
                                        + HumanReadable.duration(Duration.ofMillis(answerTimeoutMillis))));
                return;
            }
            int status = answer == null ? -1 : statusOf(answer.get(0));
            if (status < 0) {
                refuse(
                        toClient,
                        new Failure(
                                target,
                                502,
                                "the proxy " + where() + " closed the connection or did not " + "answer in HTTP"));
                return;
            }
            if (status < 200 || status >= 300) {
                refuse(
                        toClient,
                        new Failure(
                                target,
                                status,
                                "the proxy " + where() + " answered HTTP " + status + reasonOf(answer.get(0))));
                return;
            }
            // The tunnel is open: from here on the bytes are TLS between the client and the origin, and stalls are
            // the client's to judge (it reads with its own timeout and closes the relay when done).
            client.setSoTimeout(0);
            upstream.setSoTimeout(0);
            toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
            AtomicInteger open = new AtomicInteger(2);
            Socket proxySide = upstream;
            relaying = true;
            startThread(Thread.currentThread().getName() + "-down", () -> pump(fromProxy, client, proxySide, open));
            pump(fromClient, proxySide, client, open);
        } catch (IOException e) {
            // A client or proxy that hangs up mid-handshake: the client sees the closed connection.
        } finally {
            if (!relaying) {
                release(client);
                release(upstream);
            }
        }
    }

    private boolean admitted(List<String> request) {
        byte[] expected = admissionToken.getBytes(StandardCharsets.ISO_8859_1);
        for (String header : request.subList(1, request.size())) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase(ADMISSION_HEADER)) {
                byte[] presented = header.substring(colon + 1).trim().getBytes(StandardCharsets.ISO_8859_1);
                return MessageDigest.isEqual(expected, presented);
            }
        }
        return false;
    }

    /** Copies until end of stream, then passes the half-close on; the last direction to end closes both sockets. */
    private void pump(InputStream from, Socket to, Socket fromSocket, AtomicInteger open) {
        byte[] buffer = new byte[64 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = from.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
            if (open.decrementAndGet() > 0) {
                return;
            }
        } catch (IOException e) {
            // Reset or closed: nothing more can pass in either direction.
        }
        release(to);
        release(fromSocket);
    }

    private void refuse(OutputStream toClient, Failure reason) throws IOException {
        // Recorded before answering, so the client's caller finds it as soon as it sees the answer.
        failure.set(reason);
        answer(toClient, reason.status(), phrase(reason.status()), "");
    }

    private static void answer(OutputStream out, int status, String phrase, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + phrase + "\r\n" + headers
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The request or status line and the header lines, or null when the peer closed before sending anything. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // tolerated before a request line (RFC 9112, 2.2)
                    }
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (total == 0) {
            return null;
        }
        throw new IOException("connection closed in the middle of an HTTP head");
    }

    private static int statusOf(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            return -1;
        }
        return Integer.parseInt(parts[1]);
    }

    /** The proxy's reason phrase, printable characters only (it ends up in an error message). */
    private static String reasonOf(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        String reason = parts.length < 3
                ? ""
                : parts[2].replaceAll("[^\\x20-\\x7E]", "").strip();
        return reason.isEmpty() ? "" : " " + (reason.length() > 80 ? reason.substring(0, 80) : reason);
    }

    private static String phrase(int status) {
        switch (status) {
            case 403:
                return "Forbidden";
            case 407:
                return "Proxy Authentication Required";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Tunnel Refused";
        }
    }

    private String where() {
        return proxy.host() + ":" + proxy.port();
    }

    /** Registers a socket for {@link #close()}; false (and closed) when the relay is already closed. */
    private boolean track(Socket socket) {
        sockets.add(socket);
        if (closed) {
            closeQuietly(socket);
            return false;
        }
        return true;
    }

    private void release(Socket socket) {
        if (socket != null) {
            closeQuietly(socket);
            sockets.remove(socket);
        }
    }

    private void startThread(String threadName, Runnable body) {
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } finally {
                        threads.remove(Thread.currentThread());
                    }
                },
                threadName);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is left to do.
        }
    }
}
