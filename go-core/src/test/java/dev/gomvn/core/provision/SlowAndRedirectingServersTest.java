package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.provision.download.HttpDownloader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download never hangs on a trickling server and never silently leaves https. */
class SlowAndRedirectingServersTest {
    @TempDir
    Path temp;

    TestServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpDownloader downloader(Duration readTimeout) {
        return new HttpDownloader(
                new NetworkSettings(
                        List.of(), null, false, Duration.ofSeconds(5), readTimeout, 0, Duration.ofMillis(10)),
                GoLog.of(log::add, log::add, line -> {}, () -> false, false));
    }

    @Test
    void aServerThatTricklesIsCutOffWithTheThroughputItManaged() {
        // 2 KB/s, as a misbehaving mirror does: every read brings a byte, so no read ever times out.
        server.on("/slow.tar.gz", (exchange, attempt) -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    body.write(new byte[200]);
                    body.flush();
                    SdkProvisionerTest.sleep(100);
                }
            } catch (IOException clientGaveUp) {
                // Expected: the downloader closes the connection.
            }
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(1))
                        .download(URI.create(server.url("/slow.tar.gz")), temp.resolve("slow.tar.gz")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("(go.readTimeout), below the minimum of 16.0 KiB/s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(temp.resolve("slow.tar.gz")).doesNotExist();
    }

    @Test
    void aRedirectToAnotherSchemeOverHttpGetsAClearMessage() {
        server.on("/dl/go.tar.gz", (exchange, attempt) -> {
            exchange.getResponseHeaders().add("Location", "file:/etc/passwd");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5))
                        .download(URI.create(server.url("/dl/go.tar.gz")), temp.resolve("go.tar.gz")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("redirects to file:/etc/passwd, which is not an http(s) URL");
    }
}
