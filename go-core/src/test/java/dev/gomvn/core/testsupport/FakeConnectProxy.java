package dev.gomvn.core.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A proxy on 127.0.0.1 built on a plain ServerSocket, so a test sees exactly what reaches it: every request head is
 * recorded, and each is answered with the status line the test scripts. After a 2xx answer to a CONNECT, the proxy
 * tunnels to the requested host and port; when that host cannot be reached (an {@code .invalid} name), it records
 * the first bytes the client sends into the tunnel instead, then hangs up.
 */
public final class FakeConnectProxy implements AutoCloseable {
    /** Every request head (request line, then header lines) in arrival order. */
    public final List<List<String>> requests = new CopyOnWriteArrayList<>();
    /** The first bytes clients sent into tunnels that led nowhere. */
    public final List<byte[]> tunnelPrefaces = new CopyOnWriteArrayList<>();

    private final Function<List<String>, String> statusLine;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    /**
     * @param statusLine the answer to each request head: a status line, e.g. {@code HTTP/1.1 407 Proxy Authentication
     *                   Required}, optionally followed by header lines, each after a CRLF
     */
    public FakeConnectProxy(Function<List<String>, String> statusLine) throws IOException {
        this.statusLine = statusLine;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("fake-proxy-accept", this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The value of {@code name} in a recorded head, or null. */
    public static String header(List<String> head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return head.stream()
                .skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst()
                .orElse(null);
    }

    /** How many recorded requests carried {@code Proxy-Authorization} at all. */
    public long requestsWithCredentials() {
        return requests.stream()
                .filter(head -> header(head, "Proxy-Authorization") != null)
                .count();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                sockets.add(client);
                daemon("fake-proxy-connection", () -> serve(client));
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head == null) {
                return;
            }
            requests.add(head);
            String answer = statusLine.apply(head);
            boolean tunnel = head.get(0).startsWith("CONNECT ") && answer.startsWith("HTTP/1.1 2");
            out.write((answer + "\r\n" + (tunnel ? "" : "Content-Length: 0\r\nConnection: close\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (!tunnel) {
                return;
            }
            String target = head.get(0).split(" ")[1];
            int colon = target.lastIndexOf(':');
            Socket origin;
            try {
                origin = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
            } catch (IOException unreachable) {
                byte[] preface = in.readNBytes(5);
                tunnelPrefaces.add(preface);
                return;
            }
            sockets.add(origin);
            try (origin) {
                Thread down = daemon("fake-proxy-down", () -> copy(origin, client));
                copy(client, origin);
                down.join(5_000);
            }
        } catch (IOException | InterruptedException e) {
            // The client hung up.
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed.
        }
    }

    static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return lines.isEmpty() ? null : lines;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
