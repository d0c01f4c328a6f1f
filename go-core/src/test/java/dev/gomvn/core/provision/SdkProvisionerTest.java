package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning end to end against an embedded HTTP server serving a tiny fake SDK. */
@DisabledOnOs(OS.WINDOWS) // the fake bin/go is a shell script
class SdkProvisionerTest {
    static final String VERSION = "go1.22.5";
    static final String ARCHIVE = "go1.22.5.linux-amd64.tar.gz";
    static final Platform LINUX = new Platform("linux", "amd64");

    @TempDir
    Path temp;

    TestServer server;
    byte[] archive;
    String sha256;
    final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveFakeSdk() throws IOException {
        Path file = FakeSdk.archive(Files.createDirectories(temp.resolve("archives")), VERSION, "linux", "amd64");
        archive = Files.readAllBytes(file);
        sha256 = Sha256.of(file);
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void verifiesAgainstTheSidecarAndInstallsThenHitsTheCache() {
        serveArchiveAndSidecar();
        Toolchain toolchain = resolve(settings());
        assertThat(toolchain.goRoot()).isEqualTo(temp.resolve("sdk/go1.22.5.linux-amd64"));
        assertThat(toolchain.goExecutable()).isExecutable();
        assertThat(toolchain.origin())
                .contains("downloaded from " + server.url("/dl/" + ARCHIVE))
                .contains("SHA-256 verified against the checksum file");
        assertThat(toolchain.version()).hasToString("1.22.5");

        Toolchain again = resolve(settings());
        assertThat(again.origin()).contains("cached in");
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(1);
    }

    @Test
    void aWrongPinIsCaughtOnACacheHitWhateverSpellingItsKeyHas() {
        serveArchiveAndSidecar();
        resolve(settings());
        String wrong = "0".repeat(64);
        for (String key : List.of("linux-amd64", "linux_amd64", "linux/amd64")) {
            ToolchainRequest pinned = request(server.url("/dl/"), settings(), "").toBuilder()
                    .pinnedSha256ByPlatform(Map.of(key, wrong))
                    .build();
            assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(pinned))
                    .as("<sha256s><%s>", key)
                    .isInstanceOf(VerificationException.class)
                    .hasMessageContaining("was installed from an archive with SHA-256 " + sha256)
                    .hasMessageContaining("the pinned <sha256s> entry " + key + " pins " + wrong);
        }
        ToolchainRequest right = request(server.url("/dl/"), settings(), "").toBuilder()
                .pinnedSha256ByPlatform(Map.of("linux_amd64", sha256))
                .build();
        assertThat(new ToolchainResolver(log()).resolve(right).origin()).contains("cached in");
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(1);
    }

    @Test
    void prefersTheJsonIndexOverTheSidecar() {
        server.serve("/dl/" + ARCHIVE, archive);
        server.serve("/dl/?mode=json&include=all", index(sha256).getBytes(StandardCharsets.UTF_8));
        assertThat(resolve(settings()).origin()).contains("verified against the JSON index");
        assertThat(server.count("/dl/" + ARCHIVE + ".sha256")).isZero();
    }

    @Test
    void aPinnedDigestWinsAndAWrongOneInstallsNothing() {
        serveArchiveAndSidecar();
        String wrong = "ab".repeat(32);
        assertThatThrownBy(() -> resolve(settings(), wrong))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "SHA-256 mismatch for " + ARCHIVE + ": expected " + wrong + " (from the pinned go.sha256), got "
                                + sha256 + ". The download is corrupt or tampered with; nothing was installed.");
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
        assertThat(temp.resolve("sdk/.tmp")).isEmptyDirectory();
    }

    @Test
    void aWrongSidecarDigestInstallsNothing() {
        server.serve("/dl/" + ARCHIVE, archive);
        server.serve("/dl/" + ARCHIVE + ".sha256", ("cd".repeat(32) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolve(settings()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("SHA-256 mismatch");
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
    }

    @Test
    void aVersionTheDownloadRootDoesNotHaveIsNamedAsSuch() {
        server.serve("/dl/?mode=json&include=all", index(sha256).getBytes(StandardCharsets.UTF_8));
        ToolchainRequest missing = request(server.url("/dl/"), settings(), "").toBuilder()
                .versionSpec("1.22.6")
                .build();
        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("go1.22.6 for linux/amd64 does not exist: " + server.url("/dl/")
                        + " has no go1.22.6.linux-amd64.tar.gz (its index does not list it and the archive is not "
                        + "there). <version> (go.version) 1.22.6 asks for it: set it to a released Go version, such as "
                        + "go1.22.5 (the newest of each release line that " + server.url("/dl/") + " lists).")
                .satisfies(e ->
                        assertThat(((ConfigurationException) e).parameter()).isEqualTo("go.version"));
    }

    @Test
    void noDigestAnywhereIsRefusedWithAdviceToPinOne() {
        server.serve("/dl/" + ARCHIVE, archive);
        assertThatThrownBy(() -> resolve(settings()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No SHA-256 found for " + ARCHIVE)
                .hasMessageContaining("Refusing an unverified Go SDK")
                .hasMessageContaining("<sha256>...</sha256> (go.sha256)");
        // Only its first byte was asked for, to tell a missing digest from a missing archive.
        for (int i = 0; i < server.requests.size(); i++) {
            if (server.requests.get(i).equals("GET /dl/" + ARCHIVE)) {
                assertThat(server.requestHeaders.get(i).get("Range")).containsExactly("bytes=0-0");
            }
        }
    }

    @Test
    void retriesAfterAServerError() {
        server.on(
                "/dl/" + ARCHIVE,
                (exchange, attempt) ->
                        TestServer.send(exchange, attempt == 1 ? 500 : 200, attempt == 1 ? new byte[0] : archive));
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        assertThat(resolve(settings()).goExecutable()).isExecutable();
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(2);
        assertThat(logLines).anyMatch(l -> l.contains("HTTP 500") && l.contains("retrying"));
    }

    @Test
    void resumesATruncatedDownloadWithARangeRequest() {
        int half = archive.length / 2;
        List<String> ranges = new CopyOnWriteArrayList<>();
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            if (attempt == 1) {
                exchange.sendResponseHeaders(200, archive.length);
                exchange.getResponseBody().write(archive, 0, half);
                exchange.getResponseBody().flush();
                throw new IOException("drop the connection halfway");
            }
            ranges.add(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            TestServer.send(exchange, 206, Arrays.copyOfRange(archive, half, archive.length));
        });
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        assertThat(resolve(settings()).goExecutable()).isExecutable();
        assertThat(ranges).containsExactly("bytes=" + half + "-");
        assertThat(logLines).anyMatch(l -> l.contains("retrying"));
    }

    @Test
    void restartsATruncatedDownloadWhenTheServerIgnoresRanges() {
        int half = archive.length / 2;
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            exchange.sendResponseHeaders(200, archive.length);
            exchange.getResponseBody().write(archive, 0, attempt == 1 ? half : archive.length);
            exchange.getResponseBody().flush();
            if (attempt == 1) {
                throw new IOException("drop the connection halfway");
            }
        });
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        assertThat(resolve(settings()).goExecutable()).isExecutable();
    }

    @Test
    void survivesAConnectionResetMidBody() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread thread = new Thread(() -> {
                for (int attempt = 1; attempt <= 2; attempt++) {
                    try (Socket socket = raw.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        OutputStream out = socket.getOutputStream();
                        String head = "HTTP/1.1 200 OK\r\nContent-Length: " + archive.length + "\r\n\r\n";
                        out.write(head.getBytes(StandardCharsets.US_ASCII));
                        if (attempt == 1) {
                            out.write(archive, 0, archive.length / 3);
                            out.flush();
                            socket.setSoLinger(true, 0); // RST instead of FIN
                        } else {
                            out.write(archive);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
            String root = "http://127.0.0.1:" + raw.getLocalPort() + "/dl/";
            Toolchain toolchain = new ToolchainResolver(log()).resolve(request(root, settings(), sha256));
            assertThat(toolchain.goExecutable()).isExecutable();
        }
    }

    @Test
    void aStalledServerHitsTheReadTimeoutAndIsRetried() {
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            exchange.sendResponseHeaders(200, archive.length);
            exchange.getResponseBody().write(archive, 0, 100);
            exchange.getResponseBody().flush();
            sleep(attempt == 1 ? 3_000 : 0);
            exchange.getResponseBody().write(archive, 100, archive.length - 100);
        });
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        NetworkSettings quick = new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(2), Duration.ofMillis(400), 2, Duration.ofMillis(10));
        assertThat(resolve(quick).goExecutable()).isExecutable();
        assertThat(logLines).anyMatch(l -> l.contains("go.readTimeout"));
    }

    @Test
    void aServerThatNeverAnswersFailsNamingTheTimeout() {
        server.on("/dl/" + ARCHIVE + ".sha256", (exchange, attempt) -> sleep(3_000));
        NetworkSettings quick = new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(2), Duration.ofMillis(300), 0, Duration.ofMillis(10));
        assertThatThrownBy(() -> new dev.gomvn.core.provision.download.HttpDownloader(quick, log())
                        .fetchText(java.net.URI.create(server.url("/dl/" + ARCHIVE + ".sha256"))))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("failed after 1 attempt: no answer within 300 ms (go.readTimeout)");
    }

    @Test
    void followsRedirectsWithoutForwardingCredentialsToAnotherHost() {
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + server.port() + "/files/" + ARCHIVE);
            exchange.sendResponseHeaders(302, -1);
        });
        server.serve("/files/" + ARCHIVE, archive);
        NetworkSettings withLogin = new NetworkSettings(
                List.of(),
                new Credentials("mirror", "alice", "s3cret"),
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                1,
                Duration.ofMillis(10));
        assertThat(resolve(withLogin, sha256).goExecutable()).isExecutable();
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        int first = server.requests.indexOf("GET /dl/" + ARCHIVE);
        int second = server.requests.indexOf("GET /files/" + ARCHIVE);
        assertThat(server.requestHeaders.get(first).get("Authorization")).containsExactly(expected);
        assertThat(server.requestHeaders.get(second)).doesNotContainKey("Authorization");
        assertThat(logLines).noneMatch(l -> l.contains("s3cret"));
    }

    @Test
    void aLoginInTheDownloadRootIsSentButNeverLoggedThrownOrStored() throws IOException {
        serveArchiveAndSidecar();
        String root = server.url("/dl/").replace("http://", "http://alice:s3cret@");
        Toolchain installed = new ToolchainResolver(log()).resolve(request(root, settings(), ""));
        String expected =
                "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        int download = server.requests.indexOf("GET /dl/" + ARCHIVE);
        assertThat(server.requestHeaders.get(download).get("Authorization")).containsExactly(expected);
        Toolchain cacheHit = new ToolchainResolver(log()).resolve(request(root, settings(), ""));
        assertThat(cacheHit.goRoot()).isEqualTo(installed.goRoot());
        assertThat(logLines).isNotEmpty().noneMatch(l -> l.contains("s3cret"));
        assertThat(installed.origin() + cacheHit.origin()).doesNotContain("s3cret");
        try (var files = Files.walk(temp.resolve("sdk"), 2)) {
            for (Path marker : files.filter(p -> p.getFileName().toString().equals(".gomvn-verified"))
                    .toList()) {
                assertThat(Files.readString(marker)).doesNotContain("s3cret").doesNotContain("alice");
            }
        }
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> TestServer.send(exchange, 401, new byte[0]));
        Path otherCache = temp.resolve("other-sdk");
        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(request(root, settings(), sha256, otherCache)))
                .hasMessageContaining("refused the login of user alice from the go.downloadRoot URL (HTTP 401)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void notFoundAndUnauthorizedSayWhatToCheckWithoutLeakingPasswords() {
        NetworkSettings withLogin = new NetworkSettings(
                List.of(),
                new Credentials("mirror", "alice", "s3cret"),
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(10));
        assertThatThrownBy(() -> resolve(withLogin, sha256))
                .hasMessageContaining("was not found (HTTP 404)")
                .hasMessageContaining("go.downloadRoot")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> TestServer.send(exchange, 401, new byte[0]));
        // go.serverId is already set: the message points at that server's login, not at configuring one.
        assertThatThrownBy(() -> resolve(withLogin, sha256))
                .hasMessageContaining("refused the login of server 'mirror' (user alice) (HTTP 401)")
                .hasMessageContaining("<username> and <password> in settings.xml")
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("configure a"));
        NetworkSettings withoutLogin = withLogin.withCredentials(null);
        assertThatThrownBy(() -> resolve(withoutLogin, sha256))
                .hasMessageContaining("refused access (HTTP 401)")
                .hasMessageContaining("<serverId> (go.serverId)");
    }

    @Test
    void goesThroughAnAuthenticatingProxy() throws IOException {
        List<String> proxied = new CopyOnWriteArrayList<>();
        try (TestServer proxy = new TestServer()) {
            String expected =
                    "Basic " + Base64.getEncoder().encodeToString("bob:pr0xy".getBytes(StandardCharsets.UTF_8));
            TestServer.Handler handler = (exchange, attempt) -> {
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"corp\"");
                    TestServer.send(exchange, 407, new byte[0]);
                    return;
                }
                proxied.add(exchange.getRequestURI().toString());
                String path = exchange.getRequestURI().getPath();
                TestServer.send(
                        exchange, 200, path.endsWith(".sha256") ? sha256.getBytes(StandardCharsets.UTF_8) : archive);
            };
            proxy.on("/dl/" + ARCHIVE, handler);
            proxy.on("/dl/" + ARCHIVE + ".sha256", handler);
            NetworkSettings viaProxy = new NetworkSettings(
                    List.of(new ProxySettings("http", "127.0.0.1", proxy.port(), "bob", "pr0xy", "")),
                    null,
                    false,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5),
                    0,
                    Duration.ofMillis(10));
            // Only the proxy can reach this host: the request must go through it.
            Toolchain toolchain =
                    new ToolchainResolver(log()).resolve(request("http://go.mirror.invalid/dl/", viaProxy, ""));
            assertThat(toolchain.goExecutable()).isExecutable();
            assertThat(proxied).contains("http://go.mirror.invalid/dl/" + ARCHIVE);
            assertThat(logLines).noneMatch(l -> l.contains("pr0xy"));
        }
    }

    @Test
    void nonProxyHostsAreFetchedDirectly() {
        serveArchiveAndSidecar();
        NetworkSettings bypass = new NetworkSettings(
                List.of(new ProxySettings("http", "127.0.0.1", 1, null, null, "localhost|127.*")),
                null,
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(10));
        assertThat(resolve(bypass).goExecutable()).isExecutable();
    }

    @Test
    void offlineUsesTheCacheOrSaysWhatIsMissing() {
        NetworkSettings offline = settings().withOffline(true);
        assertThatThrownBy(() -> resolve(offline))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("Go 1.22.5 for linux/amd64 is not in the SDK cache")
                .hasMessageContaining("Maven runs offline (-o)");
        assertThat(server.requests).isEmpty();
        serveArchiveAndSidecar();
        resolve(settings());
        int before = server.requests.size();
        assertThat(resolve(offline).origin()).contains("cached in");
        assertThat(server.requests).hasSize(before);
    }

    @Test
    void installsAnSdkArtifactVerifiedByThePinEvenOffline() throws IOException {
        Path resolved = Files.write(temp.resolve("go-sdk-1.22.5-linux-amd64.tar.gz"), archive);
        ToolchainRequest request = ToolchainRequest.builder()
                .downloadRoot(server.url("/dl/"))
                .pinnedSha256(sha256)
                .sdkDirectory(temp.resolve("sdk"))
                .network(settings().withOffline(true))
                .platform(LINUX)
                .lockTimeout(Duration.ofSeconds(30))
                .sources(SdkSources.of(null, null, null, artifact("1.22.5", resolved)))
                .build();

        Toolchain toolchain = new ToolchainResolver(log()).resolve(request);

        assertThat(toolchain.version()).hasToString("1.22.5");
        assertThat(toolchain.origin())
                .contains("resolved as the artifact com.example.go:go-sdk:1.22.5:tar.gz:linux-amd64, "
                        + "SHA-256 verified against the pinned go.sha256")
                .contains("(chosen by go.sdkArtifact ");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void refusesAnSdkArtifactOfAnotherVersionThanTheBuildNeeds() throws IOException {
        Path resolved = Files.write(temp.resolve("go-sdk.tar.gz"), archive);
        ToolchainRequest request = request(server.url("/dl/"), settings(), sha256).toBuilder()
                .sources(SdkSources.of(null, null, null, artifact("1.21.0", resolved)))
                .build();

        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(request))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "<sdkArtifact> (go.sdkArtifact) com.example.go:go-sdk:1.21.0:tar.gz:linux-amd64 holds "
                                + "Go 1.21.0, but this build needs Go 1.22.5");
    }

    private static SdkSources.SdkArtifact artifact(String version, Path file) {
        return new SdkSources.SdkArtifact() {
            @Override
            public String coordinates() {
                return "com.example.go:go-sdk:" + version + ":tar.gz:linux-amd64";
            }

            @Override
            public String goVersion() {
                return version;
            }

            @Override
            public Path resolve() {
                return file;
            }

            @Override
            public String extension() {
                return "tar.gz";
            }
        };
    }

    @Test
    void offlineStillInstallsFromAFileDownloadRoot() throws IOException {
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        Files.write(mirror.resolve(ARCHIVE), archive);
        Files.writeString(mirror.resolve(ARCHIVE + ".sha256"), sha256 + "\n");

        Toolchain toolchain = new ToolchainResolver(log())
                .resolve(request("file:" + mirror, settings().withOffline(true), ""));

        assertThat(toolchain.origin()).contains("downloaded from file:");
        assertThat(toolchain.goExecutable()).isExecutable();
    }

    @Test
    void replacesAHalfInstalledSdkLeftByAKilledBuild() throws IOException {
        serveArchiveAndSidecar();
        Path half = Files.createDirectories(temp.resolve("sdk/go1.22.5.linux-amd64/bin"));
        Files.writeString(half.resolve("go"), "truncated");
        Toolchain toolchain = resolve(settings());
        assertThat(toolchain.goExecutable()).content().contains("go version go1.22.5");
        assertThat(logLines).anyMatch(l -> l.contains("Found a half-installed Go SDK"));
    }

    @Test
    void twoThreadsProvisionOnceAndBothGetTheSdk() throws Exception {
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            sleep(300);
            TestServer.send(exchange, 200, archive);
        });
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Toolchain>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> resolve(settings())));
            }
            List<String> origins = new ArrayList<>();
            for (Future<Toolchain> result : results) {
                assertThat(result.get().goExecutable()).isExecutable();
                origins.add(result.get().origin());
            }
            // The download takes 300 ms, so the other thread found no SDK and waited: it says so, it downloaded
            // nothing.
            assertThat(origins)
                    .filteredOn(origin -> origin.contains("downloaded from"))
                    .hasSize(1);
            assertThat(origins)
                    .filteredOn(origin -> origin.startsWith("Go SDK installed into ")
                            && origin.contains(" by another build while this one waited"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(1);
        assertThat(logLines)
                .filteredOn(l -> l.contains("Installed Go SDK " + VERSION))
                .hasSize(1);
        assertThat(logLines)
                .filteredOn(l -> l.contains(
                        "Go SDK " + VERSION + ".linux-amd64 was installed by another build while this one waited."))
                .hasSize(1);
    }

    @Test
    void twoProcessesProvisionOnce() throws Exception {
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            sleep(500);
            TestServer.send(exchange, 200, archive);
        });
        server.serve("/dl/" + ARCHIVE + ".sha256", sha256.getBytes(StandardCharsets.UTF_8));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            ProvisionMain.class.getName(),
                            server.url("/dl/"),
                            temp.resolve("sdk").toString())
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output).contains("go1.22.5.linux-amd64");
        }
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(1);
    }

    void serveArchiveAndSidecar() {
        server.serve("/dl/" + ARCHIVE, archive);
        server.serve("/dl/" + ARCHIVE + ".sha256", (sha256 + "  " + ARCHIVE + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String index(String digest) {
        return "[{\"version\":\"go1.22.5\",\"stable\":true,\"files\":[{\"filename\":\"" + ARCHIVE
                + "\",\"os\":\"linux\"," + "\"arch\":\"amd64\",\"version\":\"go1.22.5\",\"sha256\":\"" + digest
                + "\",\"size\":1,\"kind\":\"archive\"}]}]";
    }

    NetworkSettings settings() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofMillis(10));
    }

    Toolchain resolve(NetworkSettings network) {
        return resolve(network, "");
    }

    Toolchain resolve(NetworkSettings network, String pinned) {
        return new ToolchainResolver(log()).resolve(request(server.url("/dl/"), network, pinned));
    }

    ToolchainRequest request(String root, NetworkSettings network, String pinned) {
        return request(root, network, pinned, temp.resolve("sdk"));
    }

    static ToolchainRequest request(String root, NetworkSettings network, String pinned, Path sdkDirectory) {
        return ToolchainRequest.builder()
                .versionSpec("1.22.5")
                .downloadRoot(root)
                .pinnedSha256(pinned)
                .sdkDirectory(sdkDirectory)
                .network(network)
                .platform(LINUX)
                .lockTimeout(Duration.ofSeconds(30))
                .build();
    }

    GoLog log() {
        return GoLog.of(logLines::add, logLines::add, logLines::add, () -> true, false);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
