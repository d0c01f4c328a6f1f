package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.gomod.ModuleHash;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.testsupport.TestChecksumDatabase;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code go.source=proxy} end to end against an embedded HTTP server that is both a Go module proxy
 * and, below {@code /sumdb/}, a checksum database signed with the test's own key.
 */
@DisabledOnOs(OS.WINDOWS) // the fake bin/go is a shell script
class ProxyProvisioningTest {
    private static final Platform LINUX = new Platform("linux", "amd64");
    private static final String MODULE_VERSION = "v0.0.1-go1.22.5.linux-amd64";
    private static final String PREFIX = "golang.org/toolchain@" + MODULE_VERSION + "/";
    private static final String AT_V = "/proxy/golang.org/toolchain/@v/";
    private static final byte[] GO_MOD = "module golang.org/toolchain\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    TestServer server;
    TestChecksumDatabase database;
    byte[] zip;
    String zipHash;
    final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveToolchainModuleAndDatabase() throws IOException {
        server = new TestServer();
        zip = toolchainZip("go1.22.5");
        Path zipFile = Files.write(temp.resolve("toolchain.zip"), zip);
        database = new TestChecksumDatabase("sum.example.com");
        database.addFiller(300);
        zipHash = ModuleHash.ofZip(zipFile);
        database.add("golang.org/toolchain", MODULE_VERSION, zipHash, ModuleHash.ofGoMod(GO_MOD));
        database.addFiller(20);
        server.serve(AT_V + MODULE_VERSION + ".mod", GO_MOD);
        server.serve(AT_V + MODULE_VERSION + ".zip", zip);
        serveDatabaseBelow("/proxy/sumdb/sum.example.com/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void installsAToolchainWhoseHashesTheDatabaseProves() {
        Toolchain toolchain = resolve(sources("proxy", server.url("/proxy")));

        assertThat(toolchain.goRoot()).isEqualTo(temp.resolve("sdk/go1.22.5.linux-amd64"));
        assertThat(toolchain.goExecutable()).isExecutable();
        assertThat(toolchain.goRoot().resolve("src/go.mod")).hasContent("module std");
        assertThat(toolchain.origin())
                .contains("downloaded as the module golang.org/toolchain@" + MODULE_VERSION + " from "
                        + server.url("/proxy"))
                .contains("module hash verified against sum.example.com (" + zipHash
                        + " proven in its signed tree of size 321)");
        assertThat(temp.resolve("sdk/.sumdb/sum.example.com/latest"))
                .content()
                .startsWith("go.sum database tree\n321\n");

        assertThat(resolve(sources("proxy", server.url("/proxy"))).origin()).contains("cached in");
        assertThat(server.count(AT_V + MODULE_VERSION + ".zip")).isEqualTo(1);
    }

    @Test
    void refusesAZipThatDiffersFromTheRecordAndInstallsNothing() throws IOException {
        byte[] tampered = toolchainZip("go1.22.5 with a backdoor");
        server.serve(AT_V + MODULE_VERSION + ".zip", tampered);

        assertThatThrownBy(() -> resolve(sources("proxy", server.url("/proxy"))))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("The zip of golang.org/toolchain@" + MODULE_VERSION + " served by "
                        + server.url("/proxy") + " hashes to "
                        + ModuleHash.ofZip(Files.write(temp.resolve("t.zip"), tampered)) + ", but sum.example.com")
                .hasMessageEndingWith("The download is corrupt or tampered with; nothing was installed.");
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
        assertThat(temp.resolve("sdk/.tmp")).isEmptyDirectory();
    }

    @Test
    void refusesAnAlteredGoModBeforeDownloadingTheZip() {
        server.serve(
                AT_V + MODULE_VERSION + ".mod",
                "module golang.org/toolchain\nrequire evil v1.0.0\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> resolve(sources("proxy", server.url("/proxy"))))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(
                        "The go.mod of golang.org/toolchain@" + MODULE_VERSION + " served by " + server.url("/proxy"))
                .hasMessageContaining("The proxy served altered content; nothing was installed.");
        assertThat(server.count(AT_V + MODULE_VERSION + ".zip")).isZero();
    }

    @Test
    void refusesATreeHeadSignedByAnotherKey() {
        TestChecksumDatabase impostor = new TestChecksumDatabase("sum.example.com");
        SdkSources sources = SdkSources.of("proxy", server.url("/proxy"), impostor.verifierKey(), null);

        assertThatThrownBy(() -> resolve(sources))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("carries no signature by the key of sum.example.com");
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
    }

    @Test
    void fallsThroughGoProxyEntriesByGoRules() throws IOException {
        String missing = server.url("/missing");
        String broken = server.url("/broken");
        server.on(
                "/broken/golang.org/toolchain/@v/" + MODULE_VERSION + ".mod",
                (exchange, attempt) -> TestServer.send(exchange, 500, new byte[0]));

        Toolchain fromSecond = resolve(sources("proxy", missing + "," + server.url("/proxy")));
        assertThat(fromSecond.goExecutable()).isExecutable();
        assertThat(fromSecond.origin()).contains(MODULE_VERSION + " from " + server.url("/proxy") + ",");

        deleteTree(temp.resolve("sdk/go1.22.5.linux-amd64"));
        assertThatThrownBy(() -> resolve(sources("proxy", broken + "," + server.url("/proxy"))))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("No entry of <proxy> (go.proxy) (" + broken + "," + server.url("/proxy")
                        + ") served " + "golang.org/toolchain@" + MODULE_VERSION + ": " + broken);
        assertThat(resolve(sources("proxy", broken + "|" + server.url("/proxy")))
                        .goExecutable())
                .isExecutable();
    }

    @Test
    void reachesTheDatabaseDirectlyWhenTheProxyDoesNotServeIt() {
        serveDatabaseBelow("/direct/");
        String sumDb = database.verifierKey() + " " + server.url("/direct");
        server.on(
                "/proxy/sumdb/sum.example.com/supported",
                (exchange, attempt) -> TestServer.send(exchange, 404, new byte[0]));

        assertThat(resolve(SdkSources.of("proxy", server.url("/proxy"), sumDb, null))
                        .goExecutable())
                .isExecutable();
        assertThat(server.requests).anyMatch(request -> request.startsWith("GET /direct/lookup/"));
    }

    @Test
    void fallsBackFromAnUnreachableDownloadRootOnlyWhenAProxyIsConfigured() throws IOException {
        String unreachable = "http://127.0.0.1:" + closedPort() + "/dl/";

        Toolchain toolchain =
                new ToolchainResolver(log()).resolve(request(unreachable, sources("auto", server.url("/proxy"))));

        assertThat(toolchain.origin()).contains("downloaded as the module golang.org/toolchain@" + MODULE_VERSION);
        assertThat(logLines)
                .anyMatch(line ->
                        line.startsWith("Could not get Go 1.22.5 from <downloadRoot> (go.downloadRoot) " + unreachable)
                                && line.contains("Getting it from the Go module proxy (" + server.url("/proxy") + ")"));
    }

    @Test
    void anUnreachableDownloadRootIsNotRetriedAndOneWarningNamesItsHostAndTheFallback() throws IOException {
        int port = closedPort();
        String unreachable = "http://127.0.0.1:" + port + "/dl/";
        List<String> warnings = new CopyOnWriteArrayList<>();
        GoLog warningsOnly = GoLog.of(line -> {}, warnings::add, line -> {}, () -> false, false);
        ToolchainRequest request = ToolchainRequest.builder()
                .versionSpec("1.22.5")
                .downloadRoot(unreachable)
                .sdkDirectory(temp.resolve("sdk"))
                .network(network().withRetries(5))
                .platform(LINUX)
                .lockTimeout(Duration.ofSeconds(30))
                .sources(sources("auto", server.url("/proxy")))
                .build();

        Toolchain toolchain = new ToolchainResolver(warningsOnly).resolve(request);

        assertThat(toolchain.origin()).contains("downloaded as the module golang.org/toolchain@" + MODULE_VERSION);
        assertThat(warnings)
                .containsExactly("Could not get Go 1.22.5 from <downloadRoot> (go.downloadRoot) " + unreachable
                        + ": 127.0.0.1:" + port + " refused the connection. Getting it from the Go module proxy ("
                        + server.url("/proxy") + ") instead, verified against the checksum database.");
    }

    @Test
    void aVersionTheChecksumDatabaseDoesNotKnowIsNoGoReleaseAndTheNewestOnesAreSuggested() {
        server.serve(
                AT_V + "list",
                String.join(
                                "\n",
                                MODULE_VERSION,
                                "v0.0.1-go1.22.4.linux-amd64",
                                "v0.0.1-go1.23rc1.linux-amd64",
                                "v0.0.1-go1.21.13.linux-amd64",
                                "v0.0.1-go1.20.14.linux-amd64",
                                "v0.0.1-go1.19.13.linux-amd64",
                                "v0.0.1-go1.24.0.darwin-arm64")
                        .getBytes(StandardCharsets.UTF_8));
        ToolchainRequest request = request(server.url("/dl/"), sources("proxy", server.url("/proxy"))).toBuilder()
                .versionSpec("1.99.0")
                .build();

        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(request))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "go1.99.0 for linux/amd64 does not exist: the checksum database sum.example.com (reached at "
                                + server.url("/proxy/sumdb/sum.example.com/") + ") has no record of "
                                + "golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64. <version> (go.version) 1.99.0 asks for it: "
                                + "set it to a released Go version, such as go1.22.5, go1.21.13 or go1.20.14 (the newest of "
                                + "each release line that " + server.url("/proxy") + " lists).")
                .satisfies(e ->
                        assertThat(((ConfigurationException) e).parameter()).isEqualTo("go.version"));
        assertThat(server.requests).noneMatch(line -> line.contains("go1.99.0.linux-amd64.zip"));
    }

    @Test
    void aVersionThatDoesNotExistAfterTheFallbackNamesBothPlacesAndTheToolchainLineThatAskedForIt() throws IOException {
        int port = closedPort();
        Path module = Files.createDirectories(temp.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.test/app\n\ngo 1.22\n\ntoolchain go1.99.0\n");
        ToolchainRequest request =
                request("http://127.0.0.1:" + port + "/dl/", sources("auto", server.url("/proxy"))).toBuilder()
                        .versionSpec(null)
                        .moduleDirectory(module)
                        .build();

        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(request))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "go1.99.0 for linux/amd64 does not exist: the checksum database sum.example.com")
                .hasMessageContaining("; <downloadRoot> (go.downloadRoot) http://127.0.0.1:" + port + "/dl/ could not "
                        + "be reached (127.0.0.1:" + port + " refused the connection). The toolchain line of go.mod "
                        + "asks for it: change that, or set <version> (go.version) to a released Go version "
                        + "(https://go.dev/dl/ lists them).");
    }

    @Test
    void doesNotFallBackWhenTheDownloadRootAnswersNotFound() {
        assertThatThrownBy(() -> new ToolchainResolver(log())
                        .resolve(request(server.url("/dl/"), sources("auto", server.url("/proxy")))))
                .isInstanceOf(dev.gomvn.core.ConfigurationException.class)
                .hasMessageContaining(
                        "has no go1.22.5.linux-amd64.tar.gz, no go1.22.5.linux-amd64.tar.gz.sha256 and no "
                                + "JSON index")
                .hasMessageContaining("is not a Go download root laid out like https://go.dev/dl/");
        assertThat(server.requests).noneMatch(request -> request.contains("/proxy/"));
    }

    @Test
    void sendsCredentialsFromTheProxyUrlAndNeverPrintsThem() {
        String withLogin = server.url("/proxy").replace("http://", "http://builder:s3cret@");

        Toolchain toolchain = resolve(sources("proxy", withLogin));

        String expected =
                "Basic " + Base64.getEncoder().encodeToString("builder:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(server.requestHeaders).anyMatch(headers -> List.of(expected).equals(headers.get("Authorization")));
        assertThat(toolchain.origin()).doesNotContain("s3cret").contains("http://***@127.0.0.1");
        assertThat(logLines).noneMatch(line -> line.contains("s3cret"));
    }

    @Test
    void refusesToDownloadOffline() {
        ToolchainRequest offline = ToolchainRequest.builder()
                .versionSpec("1.22.5")
                .sdkDirectory(temp.resolve("sdk"))
                .network(network().withOffline(true))
                .platform(LINUX)
                .lockTimeout(Duration.ofSeconds(30))
                .sources(sources("proxy", server.url("/proxy")))
                .build();
        assertThatThrownBy(() -> new ToolchainResolver(log()).resolve(offline))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("Maven runs offline (-o)");
        assertThat(server.requests).isEmpty();
    }

    private void serveDatabaseBelow(String base) {
        server.serve(base + "supported", new byte[0]);
        database.signedTreeHead();
        server.onPrefix(base, (exchange, attempt) -> {
            String path = exchange.getRequestURI().getPath().substring(base.length());
            var answer = database.read(path);
            TestServer.send(exchange, answer.isPresent() ? 200 : 404, answer.orElse(new byte[0]));
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private SdkSources sources(String mode, String goProxy) {
        return SdkSources.of(mode, goProxy, database.verifierKey(), null);
    }

    private Toolchain resolve(SdkSources sources) {
        return new ToolchainResolver(log()).resolve(request(server.url("/dl/"), sources));
    }

    private ToolchainRequest request(String downloadRoot, SdkSources sources) {
        return ToolchainRequest.builder()
                .versionSpec("1.22.5")
                .downloadRoot(downloadRoot)
                .sdkDirectory(temp.resolve("sdk"))
                .network(network())
                .platform(LINUX)
                .lockTimeout(Duration.ofSeconds(30))
                .sources(sources)
                .build();
    }

    private static NetworkSettings network() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ofMillis(10));
    }

    private GoLog log() {
        return GoLog.of(logLines::add, logLines::add, logLines::add, () -> true, false);
    }

    /** A toolchain module zip as proxy.golang.org serves it: module prefix, _go.mod, no modes. */
    private static byte[] toolchainZip(String reportedVersion) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            entry(
                    out,
                    PREFIX + "bin/go",
                    "#!/bin/sh\necho \"go version " + reportedVersion.split(" ")[0] + " linux/amd64\"\n# "
                            + reportedVersion + "\n");
            entry(out, PREFIX + "src/_go.mod", "module std\n");
            entry(out, PREFIX + "VERSION", "go1.22.5\n");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
