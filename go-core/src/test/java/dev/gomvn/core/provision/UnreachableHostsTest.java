package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.UnreachableException;
import dev.gomvn.core.provision.download.HttpDownloader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that cannot be connected to is not retried with backoff (the caller may have another source to go to
 * at once), while a connection that breaks mid-download still is.
 */
class UnreachableHostsTest {
    @TempDir
    Path temp;

    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void aRefusedConnectionFailsAtOnceWithoutRetryWarnings() throws IOException {
        int port = closedPort();
        URI index = URI.create("http://127.0.0.1:" + port + "/dl/?mode=json&include=all");

        assertThatThrownBy(() -> downloader(3).fetchText(index))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("Cannot download " + index + ": 127.0.0.1:" + port + " refused the connection. Check the "
                        + "network, the <proxy> in settings.xml and <downloadRoot> (go.downloadRoot).")
                .satisfies(e -> assertThat(((UnreachableException) e).reason())
                        .isEqualTo("127.0.0.1:" + port + " refused the connection"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aHostThatRefusedIsNotAskedAgainByTheSameDownloader() throws IOException {
        int port = closedPort();
        HttpDownloader downloader = downloader(3);
        assertThatThrownBy(() -> downloader.fetchText(URI.create("http://127.0.0.1:" + port + "/dl/index")))
                .isInstanceOf(UnreachableException.class);

        try (ServerSocket nowListening = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
            nowListening.setSoTimeout(500);
            assertThatThrownBy(() -> downloader.fetchText(URI.create("http://127.0.0.1:" + port + "/dl/x.sha256")))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " refused the connection");
            assertThatThrownBy(nowListening::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aConnectionThatBreaksMidDownloadIsStillRetried() throws IOException {
        try (TestServer server = new TestServer()) {
            byte[] body = "0123456789".repeat(1000).getBytes(StandardCharsets.UTF_8);
            server.on("/dl/file", (exchange, attempt) -> {
                if (attempt == 1) {
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body, 0, 100);
                    } catch (IOException ignored) {
                        // The body is short on purpose.
                    }
                    return;
                }
                TestServer.send(exchange, 200, body);
            });

            assertThat(downloader(3).fetchText(URI.create(server.url("/dl/file"))))
                    .hasSize(body.length);
            assertThat(warnings).hasSize(1).allMatch(line -> line.contains("retrying in"));
        }
    }

    private HttpDownloader downloader(int retries) {
        return new HttpDownloader(
                new NetworkSettings(
                        List.of(),
                        null,
                        false,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        retries,
                        Duration.ofMillis(10)),
                GoLog.of(line -> {}, warnings::add, line -> {}, () -> false, false));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
