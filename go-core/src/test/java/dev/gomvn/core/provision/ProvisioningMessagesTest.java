package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** When a downloaded SDK is not what it claims, the message blames the archive, never the user's settings. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake SDKs' bin/go are shell scripts")
class ProvisioningMessagesTest {
    static final String ARCHIVE = "go1.22.5.linux-amd64.tar.gz";

    @TempDir
    Path temp;

    TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Toolchain provision(String script, Duration versionCheckTimeout) throws IOException {
        Path archive = FakeSdk.archiveWithGo(Files.createDirectories(temp.resolve("archives")), "go1.22.5", script);
        server.serve("/dl/" + ARCHIVE, Files.readAllBytes(archive));
        serveSidecarOf(archive);
        return provisionFromServer(versionCheckTimeout);
    }

    private void serveSidecarOf(Path archive) {
        server.serve("/dl/" + ARCHIVE + ".sha256", Sha256.of(archive).getBytes(StandardCharsets.UTF_8));
    }

    /** Go 1.22.5 for linux/amd64 from the test server, into {@code temp/sdk}. */
    private Toolchain provisionFromServer(Duration versionCheckTimeout) {
        NetworkSettings network = new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, Duration.ofMillis(10));
        return new SdkProvisioner(GoLog.SILENT, versionCheckTimeout)
                .provision(
                        GoVersion.parse("1.22.5", "go.version"),
                        SdkProvisionerTest.request(server.url("/dl/"), network, "", temp.resolve("sdk")),
                        "go.version 1.22.5");
    }

    @Test
    void anArchiveWithoutBinGoIsNotAGoSdk() {
        assertThatThrownBy(() -> provision(null, Duration.ofSeconds(10)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("The archive holds no bin/go: it is not a Go SDK for linux/amd64")
                .hasMessageContaining("(The archive was downloaded from " + server.url("/dl/" + ARCHIVE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("goRoot"));
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
    }

    @Test
    void aGoThatPrintsNothingIsQuotedWithWhatWasExpected() {
        assertThatThrownBy(() -> provision("exit 0", Duration.ofSeconds(10)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("printed '' (exit code 0) instead of 'go version go1.22.5 linux/amd64'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("goRoot"));
    }

    @Test
    void aGoThatHangsIsStoppedWithinItsBoundAndNothingIsInstalled() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> provision("while :; do :; done", Duration.ofMillis(500)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("did not run")
                .hasMessageContaining("did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(SdkProvisioner.VERSION_CHECK_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(temp.resolve("sdk/go1.22.5.linux-amd64")).doesNotExist();
    }

    @Test
    void anUnsafeArchiveIsNamedByItsUrlNotByADeletedTemporaryFile() throws IOException {
        Path archive = temp.resolve(ARCHIVE);
        try (var tar = FakeSdk.open(archive)) {
            FakeSdk.file(tar, "go/../../escape", 0644, "x");
        }
        server.serve("/dl/" + ARCHIVE, Files.readAllBytes(archive));
        serveSidecarOf(archive);
        assertThatThrownBy(() -> provisionFromServer(SdkProvisioner.VERSION_CHECK_TIMEOUT))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("The archive " + ARCHIVE + " is unsafe")
                .hasMessageContaining("(The archive was downloaded from " + server.url("/dl/" + ARCHIVE) + ".)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(".tmp"));
    }

    @Test
    void aBuildThatWaitedForAnotherBuildsInstallSaysSo() throws Exception {
        Path archive = FakeSdk.archive(Files.createDirectories(temp.resolve("archives")), "go1.22.5", "linux", "amd64");
        byte[] bytes = Files.readAllBytes(archive);
        server.on("/dl/" + ARCHIVE, (exchange, attempt) -> {
            SdkProvisionerTest.sleep(1_000);
            TestServer.send(exchange, 200, bytes);
        });
        serveSidecarOf(archive);
        java.util.concurrent.Callable<String> build =
                () -> provisionFromServer(SdkProvisioner.VERSION_CHECK_TIMEOUT).origin();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(build);
            SdkProvisionerTest.sleep(300);
            var second = pool.submit(build);
            assertThat(List.of(first.get(), second.get()))
                    .anyMatch(origin -> origin.startsWith("Go SDK downloaded from " + server.url("/dl/" + ARCHIVE)))
                    .anyMatch(origin -> origin.contains("by another build while this one waited"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count("/dl/" + ARCHIVE)).isEqualTo(1);
    }

    @Test
    void anInstalledSdkIsReadableByEveryUser() throws IOException {
        Toolchain toolchain = provision("echo go version go1.22.5 linux/amd64", Duration.ofSeconds(10));
        assertThat(Files.getPosixFilePermissions(toolchain.goRoot()))
                .contains(
                        PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.OTHERS_EXECUTE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.GROUP_EXECUTE);
    }
}
