package dev.gomvn.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.testsupport.FakeConnectProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CONNECT relay against a fake upstream proxy and a TCP echo server, all on 127.0.0.1. */
class ProxyTunnelRelayTest {
    static final String PASSWORD = "s3cret pw";
    static final String EXPECTED =
            "Basic " + Base64.getEncoder().encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    ServerSocket echo;

    @BeforeEach
    void startEchoServer() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(
                () -> {
                    try {
                        while (true) {
                            Socket socket = echo.accept();
                            Thread connection = new Thread(
                                    () -> {
                                        try (socket) {
                                            socket.getInputStream().transferTo(socket.getOutputStream());
                                        } catch (IOException ignored) {
                                            // The client hung up.
                                        }
                                    },
                                    "test-echo-connection");
                            connection.setDaemon(true);
                            connection.start();
                        }
                    } catch (IOException closed) {
                        // The test is over.
                    }
                },
                "test-echo-accept");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stopEchoServer() throws IOException {
        echo.close();
    }

    static ProxySettings proxyAt(FakeConnectProxy proxy) {
        return new ProxySettings("https", "127.0.0.1", proxy.port(), "bob", PASSWORD, null);
    }

    /** The fake proxy lets a CONNECT through only with bob's Basic credentials. */
    static FakeConnectProxy checkingProxy() throws IOException {
        return new FakeConnectProxy(head -> head.get(0).startsWith("CONNECT ")
                        && EXPECTED.equals(FakeConnectProxy.header(head, "Proxy-Authorization"))
                ? "HTTP/1.1 200 Connection established"
                : "HTTP/1.1 407 Proxy Authentication Required");
    }

    @Test
    void tunnelsBytesBothWaysAfterOneAuthenticatedConnect() throws IOException {
        String target = "127.0.0.1:" + echo.getLocalPort();
        try (FakeConnectProxy proxy = checkingProxy();
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT);
                Socket client =
                        new Socket(relay.address().getAddress(), relay.address().getPort())) {
            client.setSoTimeout(5_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n" + admission(relay) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readHead(in)).isEqualTo("HTTP/1.1 200 Connection established\r\n\r\n");

            byte[] message = "bytes through the tunnel, and back".getBytes(StandardCharsets.UTF_8);
            out.write(message);
            assertThat(in.readNBytes(message.length)).isEqualTo(message);
            byte[] large = new byte[512 * 1024];
            new java.util.Random(7).nextBytes(large);
            Thread writer = new Thread(() -> {
                try {
                    out.write(large);
                    client.shutdownOutput();
                } catch (IOException ignored) {
                    // Fails the comparison below.
                }
            });
            writer.start();
            assertThat(in.readAllBytes()).isEqualTo(large);

            assertThat(proxy.requests).hasSize(1);
            List<String> connect = proxy.requests.get(0);
            assertThat(connect.get(0)).isEqualTo("CONNECT " + target + " HTTP/1.1");
            assertThat(FakeConnectProxy.header(connect, "Host")).isEqualTo(target);
            assertThat(FakeConnectProxy.header(connect, "Proxy-Authorization")).isEqualTo(EXPECTED);
            assertThat(relay.failure()).isEmpty();
        }
        assertNoRelayThreadsLeft();
    }

    @Test
    void aRefusedConnectIsAnsweredWithTheProxysStatusAndTheCredentialsAreNotOfferedAgain() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 407 Proxy Authentication Required");
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connect(relay, "go.mirror.invalid:443"))
                        .startsWith("HTTP/1.1 407 Proxy Authentication Required\r\n");
            }
            assertThat(proxy.requests).hasSize(1);
            assertThat(relay.failure()).hasValueSatisfying(failure -> {
                assertThat(failure.credentialsRefused()).isTrue();
                assertThat(failure.target()).isEqualTo("go.mirror.invalid:443");
                assertThat(failure.detail())
                        .isEqualTo("the proxy 127.0.0.1:" + proxy.port()
                                + " answered HTTP 407 Proxy Authentication Required");
            });
            assertThat(relay.toString() + relay.failure().get())
                    .doesNotContain(PASSWORD)
                    .doesNotContain(EXPECTED.substring("Basic ".length()));
        }
        assertNoRelayThreadsLeft();
    }

    @Test
    void anotherRefusalIsPassedOnAndRecorded() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 403 Blocked by policy");
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT)) {
            assertThat(connect(relay, "go.mirror.invalid:443")).startsWith("HTTP/1.1 403 ");
            assertThat(relay.failure())
                    .map(Object::toString)
                    .hasValue("the proxy 127.0.0.1:" + proxy.port()
                            + " answered HTTP 403 Blocked by policy (tunnel to go.mirror.invalid:443)");
        }
    }

    @Test
    void anUnreachableProxyIsABadGateway() throws IOException {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        ProxySettings nowhere = new ProxySettings("https", "127.0.0.1", closedPort, "bob", PASSWORD, null);
        try (ProxyTunnelRelay relay = ProxyTunnelRelay.start(nowhere, TIMEOUT, TIMEOUT)) {
            assertThat(connect(relay, "go.mirror.invalid:443")).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
            assertThat(relay.failure())
                    .hasValueSatisfying(failure -> assertThat(failure.detail())
                            .startsWith(
                                    "the proxy 127.0.0.1:" + closedPort + " could not be reached (ConnectException"));
        }
    }

    @Test
    void anotherLocalClientWithoutTheAdmissionTokenIsRefusedBeforeTheProxyHearsOfIt() throws IOException {
        String target = "127.0.0.1:" + echo.getLocalPort();
        try (FakeConnectProxy proxy = checkingProxy();
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT)) {
            // Any local process can reach the port; without the token it gets nothing, with a wrong one neither.
            assertThat(exchange(relay, "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n"))
                    .startsWith("HTTP/1.1 403 Forbidden\r\n");
            assertThat(exchange(
                            relay,
                            "CONNECT " + target + " HTTP/1.1\r\n" + ProxyTunnelRelay.ADMISSION_HEADER + ": "
                                    + relay.admissionToken().substring(1) + "x\r\n\r\n"))
                    .startsWith("HTTP/1.1 403 Forbidden\r\n");
            assertThat(proxy.requests).isEmpty();
            assertThat(relay.failure()).isEmpty();
            // The build's own client still gets its tunnel, and the token never reaches the proxy.
            try (Socket client =
                    new Socket(relay.address().getAddress(), relay.address().getPort())) {
                client.setSoTimeout(5_000);
                client.getOutputStream()
                        .write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n" + admission(relay)
                                        + "\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readHead(client.getInputStream())).isEqualTo("HTTP/1.1 200 Connection established\r\n\r\n");
            }
            assertThat(proxy.requests)
                    .singleElement()
                    .satisfies(head -> assertThat(FakeConnectProxy.header(head, ProxyTunnelRelay.ADMISSION_HEADER))
                            .isNull());
        }
        try (ProxyTunnelRelay first = ProxyTunnelRelay.start(
                        new ProxySettings("https", "127.0.0.1", 3128, "bob", PASSWORD, null), TIMEOUT, TIMEOUT);
                ProxyTunnelRelay second = ProxyTunnelRelay.start(
                        new ProxySettings("https", "127.0.0.1", 3128, "bob", PASSWORD, null), TIMEOUT, TIMEOUT)) {
            assertThat(first.admissionToken()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.admissionToken());
        }
    }

    @Test
    void relaysOnlyConnectAndListensOnlyOnLoopback() throws IOException {
        try (FakeConnectProxy proxy = checkingProxy();
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT)) {
            assertThat(relay.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(exchange(relay, "GET http://go.mirror.invalid/ HTTP/1.1\r\nHost: go.mirror.invalid\r\n\r\n"))
                    .startsWith("HTTP/1.1 405 Method Not Allowed\r\n");
            assertThat(exchange(relay, "CONNECT evil.example:443\r\nX: y HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 4");
            assertThat(proxy.requests).isEmpty();
            assertThat(relay.failure()).isEmpty();
        }
    }

    @Test
    void theJdkClientOpensItsTlsTunnelThroughTheRelay() throws IOException, InterruptedException {
        try (FakeConnectProxy proxy = checkingProxy();
                ProxyTunnelRelay relay = ProxyTunnelRelay.start(proxyAt(proxy), TIMEOUT, TIMEOUT)) {
            HttpClient client = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(relay.address()))
                    .connectTimeout(TIMEOUT)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://go.mirror.invalid/dl/"))
                    .header(ProxyTunnelRelay.ADMISSION_HEADER, relay.admissionToken())
                    .timeout(TIMEOUT)
                    .build();
            // The fake proxy cannot reach go.mirror.invalid: it keeps the TLS handshake's first bytes and hangs up.
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
            // The JDK tries a GET once more when the connection drops before an answer; the proxy had accepted
            // the credentials, so that is no second authentication attempt.
            assertThat(proxy.requests).isNotEmpty().allSatisfy(head -> {
                assertThat(head.get(0)).isEqualTo("CONNECT go.mirror.invalid:443 HTTP/1.1");
                assertThat(FakeConnectProxy.header(head, "Proxy-Authorization")).isEqualTo(EXPECTED);
            });
            // A TLS handshake record (0x16, version 3.x): the relay does not terminate TLS, it only carries it.
            assertThat(proxy.tunnelPrefaces).hasSameSizeAs(proxy.requests).allSatisfy(preface -> {
                assertThat(preface[0]).isEqualTo((byte) 0x16);
                assertThat(preface[1]).isEqualTo((byte) 0x03);
            });
        }
    }

    @Test
    void aProxyWithoutCredentialsNeedsNoRelay() {
        assertThatThrownBy(() -> ProxyTunnelRelay.start(
                        new ProxySettings("https", "127.0.0.1", 3128, null, null, null), TIMEOUT, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String connect(ProxyTunnelRelay relay, String target) throws IOException {
        return exchange(
                relay, "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n" + admission(relay) + "\r\n");
    }

    /** The header line only the relay's own client knows. */
    static String admission(ProxyTunnelRelay relay) {
        return ProxyTunnelRelay.ADMISSION_HEADER + ": " + relay.admissionToken() + "\r\n";
    }

    /** Sends {@code request} and returns everything the relay answers before it hangs up. */
    static String exchange(ProxyTunnelRelay relay, String request) throws IOException {
        try (Socket socket =
                new Socket(relay.address().getAddress(), relay.address().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    static void assertNoRelayThreadsLeft() {
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(Thread::isAlive)
                .noneMatch(thread -> thread.getName().startsWith("gomvn-proxy-relay-"));
    }
}
