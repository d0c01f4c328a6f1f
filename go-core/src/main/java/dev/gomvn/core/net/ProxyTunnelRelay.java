package dev.gomvn.core.net;

import dev.gomvn.core.HumanReadable;
import java.io.BufferedInputStream;
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
            String target = admittedTarget(fromClient, toClient);
            if (target == null) {
                return;
            }
            upstream = new Socket();
            if (!track(upstream) || !connect(upstream, target, toClient)) {
                return;
            }
            InputStream fromProxy = new BufferedInputStream(upstream.getInputStream());
            if (!tunnelOpened(upstream, fromProxy, target, toClient)) {
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

    /** The {@code host:port} of the client's CONNECT, or null when it was answered with a refusal already. */
    private String admittedTarget(InputStream fromClient, OutputStream toClient) throws IOException {
        List<String> request = HttpHead.read(fromClient);
        if (request == null) {
            return null;
        }
        String[] requestLine = request.get(0).split(" ");
        if (requestLine.length != 3 || !requestLine[0].equals("CONNECT") || !requestLine[2].startsWith("HTTP/1.")) {
            HttpHead.answer(toClient, 405, "Allow: CONNECT\r\n");
            return null;
        }
        if (!admitted(request)) {
            // Not this build's client: no failure is recorded, and the proxy never hears of it.
            HttpHead.answer(toClient, 403, "");
            return null;
        }
        String target = requestLine[1];
        if (!TARGET.matcher(target).matches()) {
            HttpHead.answer(toClient, 400, "");
            return null;
        }
        Failure earlier = failure.get();
        if (earlier != null && earlier.credentialsRefused()) {
            // The proxy refused these credentials once: offering them again only counts towards a lockout.
            refuse(toClient, new Failure(target, 407, earlier.detail()));
            return null;
        }
        return target;
    }

    /** Connects to the proxy; false when that failed and the client was told. */
    private boolean connect(Socket upstream, String target, OutputStream toClient) throws IOException {
        try {
            upstream.connect(new InetSocketAddress(proxy.host(), proxy.port()), connectTimeoutMillis);
            return true;
        } catch (SocketTimeoutException e) {
            refuse(
                    toClient,
                    new Failure(
                            target,
                            504,
                            "the proxy " + where() + " could not be reached within "
                                    + HumanReadable.duration(Duration.ofMillis(connectTimeoutMillis))
                                    + " (go.connectTimeout)"));
        } catch (IOException e) {
            refuse(
                    toClient,
                    new Failure(
                            target,
                            502,
                            "the proxy " + where() + " could not be reached (" + HttpTransport.describe(e) + ")"));
        }
        return false;
    }

    /** Sends the CONNECT with the credentials; false when the proxy refused it and the client was told. */
    private boolean tunnelOpened(Socket upstream, InputStream fromProxy, String target, OutputStream toClient)
            throws IOException {
        upstream.setSoTimeout(answerTimeoutMillis);
        OutputStream toProxy = upstream.getOutputStream();
        toProxy.write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nProxy-Authorization: "
                        + proxy.basicAuthorization() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        toProxy.flush();
        List<String> answer;
        try {
            answer = HttpHead.read(fromProxy);
        } catch (SocketTimeoutException e) {
            refuse(
                    toClient,
                    new Failure(
                            target,
                            504,
                            "the proxy " + where() + " did not answer within "
                                    + HumanReadable.duration(Duration.ofMillis(answerTimeoutMillis))));
            return false;
        }
        int status = answer == null ? -1 : HttpHead.statusOf(answer.get(0));
        if (status < 0) {
            refuse(
                    toClient,
                    new Failure(
                            target, 502, "the proxy " + where() + " closed the connection or did not answer in HTTP"));
            return false;
        }
        if (status < 200 || status >= 300) {
            refuse(
                    toClient,
                    new Failure(
                            target,
                            status,
                            "the proxy " + where() + " answered HTTP " + status + HttpHead.reasonOf(answer.get(0))));
            return false;
        }
        return true;
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
        HttpHead.answer(toClient, reason.status(), "");
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
