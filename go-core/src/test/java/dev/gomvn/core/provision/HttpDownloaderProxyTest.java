package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.net.UnreachableException;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.testsupport.FakeConnectProxy;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies with credentials: one authentication attempt per download, a clear message for a refused password, and
 * no JVM-wide side effect. Every server is a fake on 127.0.0.1; the origin hosts ({@code .invalid}) exist only
 * behind the proxy.
 */
class HttpDownloaderProxyTest {
    static final String WRONG_PASSWORD = "wr0ng-pa55";
    static final String WRONG_TOKEN =
            Base64.getEncoder().encodeToString(("bob:" + WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String REFUSED =
            "HTTP/1.1 407 Proxy Authentication Required\r\n" + "Proxy-Authenticate: Basic realm=\"corp\"";

    @TempDir
    Path temp;

    final List<String> logLines = new CopyOnWriteArrayList<>();

    @AfterEach
    void leavesTheJvmAsItFoundIt() {
        assertThat(System.getProperty("jdk.http.auth.tunneling.disabledSchemes"))
                .isNull();
        assertThat(System.getProperty("jdk.http.auth.proxying.disabledSchemes")).isNull();
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(Thread::isAlive)
                .noneMatch(thread -> thread.getName().startsWith("gomvn-proxy-relay-"));
        assertThat(logLines).noneMatch(line -> line.contains(WRONG_PASSWORD) || line.contains(WRONG_TOKEN));
    }

    @Test
    void httpsThroughAProxyRefusingThePasswordIsTriedOnceAndSaysWhatToCheck() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> REFUSED)) {
            URI archive = URI.create("https://go.mirror.invalid/dl/" + SdkProvisionerTest.ARCHIVE);
            assertThatThrownBy(() -> downloader(proxy, 3).download(archive, temp.resolve("go.tar.gz")))
                    .isExactlyInstanceOf(EnvironmentException.class)
                    .hasMessage("The proxy refused " + archive + " (HTTP 407 Proxy Authentication Required); check "
                            + "<username> and <password> of the <proxy> in settings.xml.");
            assertThat(proxy.requests).hasSize(1);
            assertThat(proxy.requests.get(0).get(0)).isEqualTo("CONNECT go.mirror.invalid:443 HTTP/1.1");
            assertThat(FakeConnectProxy.header(proxy.requests.get(0), "Proxy-Authorization"))
                    .isEqualTo("Basic " + WRONG_TOKEN);
            assertThat(logLines).noneMatch(line -> line.contains("retrying"));
        }
        assertThat(temp.resolve("go.tar.gz")).doesNotExist();
    }

    @Test
    void plainHttpThroughAProxyRefusingThePasswordIsTriedOnceAndSaysWhatToCheck() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> REFUSED)) {
            URI sidecar = URI.create("http://go.mirror.invalid/dl/" + SdkProvisionerTest.ARCHIVE + ".sha256");
            HttpDownloader downloader = downloader(proxy, 3);
            assertThatThrownBy(() -> downloader.fetchText(sidecar))
                    .isExactlyInstanceOf(EnvironmentException.class)
                    .hasMessage("The proxy refused " + sidecar + " (HTTP 407 Proxy Authentication Required); check "
                            + "<username> and <password> of the <proxy> in settings.xml.");
            // Sent up front with the first and only request: no unauthenticated probe, no second try.
            assertThat(proxy.requests).hasSize(1);
            // Nor by a later download of the same downloader.
            URI archive = URI.create("http://go.mirror.invalid/dl/" + SdkProvisionerTest.ARCHIVE);
            assertThatThrownBy(() -> downloader.download(archive, temp.resolve("go.tar.gz")))
                    .hasMessageStartingWith("The proxy refused " + archive + " (HTTP 407");
            assertThat(proxy.requests).hasSize(1);
            assertThat(proxy.requests.get(0).get(0)).isEqualTo("GET " + sidecar + " HTTP/1.1");
            assertThat(FakeConnectProxy.header(proxy.requests.get(0), "Proxy-Authorization"))
                    .isEqualTo("Basic " + WRONG_TOKEN);
        }
    }

    @Test
    void aRefusedPasswordIsNotOfferedAgainForTheIndexTheChecksumOrTheArchive() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> REFUSED)) {
            NetworkSettings network = new NetworkSettings(
                    List.of(new ProxySettings("http", "127.0.0.1", proxy.port(), "bob", WRONG_PASSWORD, "")),
                    null,
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    3,
                    Duration.ofMillis(10));
            assertThatThrownBy(() -> new ToolchainResolver(log())
                            .resolve(SdkProvisionerTest.request(
                                    "https://go.mirror.invalid/dl/", network, "", temp.resolve("sdk"))))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining(
                            "(HTTP 407 Proxy Authentication Required); check <username> and <password> of the "
                                    + "<proxy> in settings.xml.");
            assertThat(proxy.requests).hasSize(1);
        }
    }

    @Test
    void aProxyWithoutCredentialsIsLeftToTheJdkAndItsRefusalExplained() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> REFUSED)) {
            NetworkSettings anonymous = new NetworkSettings(
                    List.of(new ProxySettings("https", "127.0.0.1", proxy.port(), null, null, "")),
                    null,
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    3,
                    Duration.ofMillis(10));
            URI index = URI.create("https://go.mirror.invalid/dl/?mode=json&include=all");
            assertThatThrownBy(() -> new HttpDownloader(anonymous, log()).fetchText(index))
                    .isExactlyInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("The proxy refused " + index + " (HTTP 407 Proxy Authentication Required)");
            assertThat(proxy.requests).hasSize(1);
            assertThat(proxy.requestsWithCredentials()).isZero();
        }
    }

    @Test
    void aTunnelTheProxyForbidsIsNotRetried() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 403 Forbidden")) {
            URI index = URI.create("https://go.mirror.invalid/dl/?mode=json&include=all");
            assertThatThrownBy(() -> downloader(proxy, 3).fetchText(index))
                    .isExactlyInstanceOf(EnvironmentException.class)
                    .hasMessage(
                            "The proxy refused " + index + ": the proxy 127.0.0.1:" + proxy.port() + " answered HTTP "
                                    + "403 Forbidden (tunnel to go.mirror.invalid:443); check the <proxy> in settings.xml and its "
                                    + "<nonProxyHosts>.");
            assertThat(proxy.requests).hasSize(1);
        }
    }

    @Test
    void aProxyFailingOnItsSideIsRetriedAndThenUnreachable() throws IOException {
        try (FakeConnectProxy proxy = new FakeConnectProxy(head -> "HTTP/1.1 502 Bad Gateway")) {
            URI index = URI.create("https://go.mirror.invalid/dl/?mode=json&include=all");
            assertThatThrownBy(() -> downloader(proxy, 1).fetchText(index))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("failed after 2 attempts: the proxy 127.0.0.1:" + proxy.port()
                            + " answered HTTP 502 Bad Gateway (tunnel to go.mirror.invalid:443)");
            assertThat(proxy.requests).hasSize(2);
        }
    }

    @Test
    void proxyCredentialsNeverReachAHostFetchedDirectly() throws IOException {
        try (TestServer origin = new TestServer()) {
            origin.serve("/dl/file.sha256", "ab".getBytes(StandardCharsets.UTF_8));
            NetworkSettings bypass = new NetworkSettings(
                    List.of(new ProxySettings("http", "127.0.0.1", 1, "bob", WRONG_PASSWORD, "127.*")),
                    null,
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    0,
                    Duration.ofMillis(10));
            assertThat(new HttpDownloader(bypass, log()).fetchText(URI.create(origin.url("/dl/file.sha256"))))
                    .isEqualTo("ab");
            assertThat(origin.requestHeaders)
                    .hasSize(1)
                    .allSatisfy(headers -> assertThat(headers).doesNotContainKey("Proxy-Authorization"));
        }
    }

    HttpDownloader downloader(FakeConnectProxy proxy, int retries) {
        NetworkSettings network = new NetworkSettings(
                List.of(new ProxySettings("http", "127.0.0.1", proxy.port(), "bob", WRONG_PASSWORD, "")),
                null,
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                retries,
                Duration.ofMillis(10));
        return new HttpDownloader(network, log());
    }

    GoLog log() {
        return GoLog.of(logLines::add, logLines::add, logLines::add, () -> true, false);
    }
}
