package dev.gomvn.core.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SdkCacheTest {

    private static final String VERSION = "go1.22.5";
    private static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
    private static final String ARCHIVE_NAME = "go1.22.5.linux-amd64.tar.gz";
    private static final String SOURCE = "https://go.dev/dl/?mode=json";

    @TempDir
    Path work;

    private Path root;
    private Path archive;
    private String sha256;
    private final RecordingLog log = new RecordingLog();
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void buildArchive() throws IOException {
        root = work.resolve("cache");
        Path archives = Files.createDirectories(work.resolve("archives"));
        archive = TestArchives.goTarGz(archives);
        sha256 = TestArchives.sha256(archive);
    }

    private SdkCache cache() {
        return new SdkCache(root, log, Duration.ofSeconds(20));
    }

    private SdkInstallRequest request(String expectedSha256, SdkValidator validator) {
        return new SdkInstallRequest(
                VERSION,
                LINUX_AMD64,
                ARCHIVE_NAME,
                expectedSha256,
                SOURCE,
                target -> {
                    fetches.incrementAndGet();
                    Files.copy(archive, target, StandardCopyOption.REPLACE_EXISTING);
                },
                validator);
    }

    private SdkInstallRequest request() {
        return request(sha256, home -> assertThat(home.resolve("bin/go")).isRegularFile());
    }

    private static SdkInstallRequest requestThatMustNotDownload(String sha256) {
        return new SdkInstallRequest(
                VERSION,
                LINUX_AMD64,
                ARCHIVE_NAME,
                sha256,
                SOURCE,
                target -> {
                    throw new AssertionError("a cached SDK must not be downloaded again");
                },
                home -> {
                    throw new AssertionError("a cached SDK must not be validated again");
                });
    }

    private List<Path> tempEntries() throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve(".tmp"))) {
            return entries.toList();
        }
    }

    @Test
    void installsVerifiedSdkWithMarker() throws IOException {
        InstalledSdk sdk = cache().install(request());

        assertThat(sdk.home()).isEqualTo(root.resolve("go1.22.5.linux-amd64"));
        assertThat(sdk.freshlyInstalled()).isTrue();
        assertThat(sdk.goExecutable()).isEqualTo(sdk.home().resolve("bin/go")).isRegularFile();
        assertThat(sdk.recordedSha256()).isEqualTo(sha256);
        assertThat(sdk.home().resolve(".gomvn-verified"))
                .content()
                .contains("version=go1.22.5", "sha256=" + sha256, "archive=" + ARCHIVE_NAME, "installedAt=");
        assertThat(fetches).hasValue(1);
        assertThat(tempEntries()).isEmpty();
        assertThat(log.lines).anyMatch(line -> line.contains("Installed Go SDK go1.22.5.linux-amd64"));
    }

    @Test
    void installsWindowsZipWithExeSuffix() throws IOException {
        Path zip = new TestArchives.Zip()
                .file("go/bin/go.exe", "MZ")
                .file("go/VERSION", "go1.22.5\n")
                .writeTo(work.resolve("archives/go1.22.5.windows-amd64.zip"));
        Platform windows = new Platform("windows", "amd64");

        InstalledSdk sdk = cache().install(new SdkInstallRequest(
                VERSION,
                windows,
                "go1.22.5.windows-amd64.zip",
                TestArchives.sha256(zip).toUpperCase(java.util.Locale.ROOT),
                SOURCE,
                target -> Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING),
                home -> {}));

        assertThat(sdk.home()).isEqualTo(root.resolve("go1.22.5.windows-amd64"));
        assertThat(sdk.goExecutable())
                .isEqualTo(sdk.home().resolve("bin/go.exe"))
                .hasContent("MZ");
        assertThat(cache().find(VERSION, windows)).isPresent();
    }

    @Test
    void cacheHitNeitherDownloadsNorValidates() {
        cache().install(request());

        SdkCache freshCache = cache();
        assertThat(freshCache.find(VERSION, LINUX_AMD64))
                .get()
                .satisfies(sdk -> assertThat(sdk.freshlyInstalled()).isFalse())
                .satisfies(sdk -> assertThat(sdk.recordedSha256()).isEqualTo(sha256));
        InstalledSdk again = freshCache.install(requestThatMustNotDownload(sha256));
        assertThat(again.freshlyInstalled()).isFalse();
        assertThat(freshCache.recordedSha256(VERSION, LINUX_AMD64)).contains(sha256);
    }

    @Test
    void findsNothingForOtherVersionsOrPlatforms() {
        cache().install(request());

        assertThat(cache().find("go1.22.6", LINUX_AMD64)).isEmpty();
        assertThat(cache().find(VERSION, new Platform("linux", "arm64"))).isEmpty();
    }

    @Test
    void digestMismatchInstallsNothing() throws IOException {
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> cache().install(request(wrong, home -> {})))
                .isInstanceOf(VerificationException.class)
                .hasMessage("SHA-256 mismatch for go1.22.5.linux-amd64.tar.gz: expected " + wrong + " (from " + SOURCE
                        + "), got " + sha256 + ". The download is corrupt or tampered with; nothing was installed.");
        assertThat(root.resolve("go1.22.5.linux-amd64")).doesNotExist();
        assertThat(tempEntries()).isEmpty();
        assertThat(cache().find(VERSION, LINUX_AMD64)).isEmpty();
    }

    @Test
    void validatorFailureInstallsNothing() throws IOException {
        SdkValidator rejecting = home -> {
            throw new VerificationException("bin/go reports go1.21.0, not go1.22.5.");
        };

        assertThatThrownBy(() -> cache().install(request(sha256, rejecting)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("go1.21.0");
        assertThat(root.resolve("go1.22.5.linux-amd64")).doesNotExist();
        assertThat(tempEntries()).isEmpty();
    }

    @Test
    void unsafeArchiveInstallsNothing() throws IOException {
        archive = new TestArchives.Tar()
                .file("go/bin/go", "x", 0755)
                .symlink("go/lib", "/etc")
                .writeTo(archive);
        sha256 = TestArchives.sha256(archive);

        assertThatThrownBy(() -> cache().install(request()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("'go/lib'");
        assertThat(root.resolve("go1.22.5.linux-amd64")).doesNotExist();
        assertThat(tempEntries()).isEmpty();
    }

    @Test
    void failedDownloadInstallsNothing() throws IOException {
        SdkInstallRequest failing = new SdkInstallRequest(
                VERSION,
                LINUX_AMD64,
                ARCHIVE_NAME,
                sha256,
                SOURCE,
                target -> {
                    throw new java.net.ConnectException("Connection refused");
                },
                home -> {});

        assertThatThrownBy(() -> cache().install(failing))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("Downloading go1.22.5.linux-amd64.tar.gz failed")
                .hasMessageContaining("Connection refused");
        assertThat(root.resolve("go1.22.5.linux-amd64")).doesNotExist();
        assertThat(tempEntries()).isEmpty();
    }

    @Test
    void replacesHalfInstalledDirectoryWithoutMarker() throws IOException {
        Path half = Files.createDirectories(root.resolve("go1.22.5.linux-amd64/bin"));
        Files.writeString(half.resolve("go"), "truncated");
        Files.writeString(half.resolve("stray"), "from the killed build");

        assertThat(cache().find(VERSION, LINUX_AMD64)).isEmpty();
        InstalledSdk sdk = cache().install(request());

        assertThat(fetches).hasValue(1);
        assertThat(sdk.goExecutable()).hasContent(TestArchives.GO_SCRIPT.strip());
        assertThat(half.resolve("stray")).doesNotExist();
        assertThat(log.lines).anyMatch(line -> line.startsWith("INFO Found a half-installed Go SDK at " + sdk.home()));
    }

    @Test
    void removesStagingLeftoversOfKilledInstalls() throws IOException {
        Path tmp = Files.createDirectories(root.resolve(".tmp"));
        Files.writeString(tmp.resolve("go1.22.5.linux-amd64.123.download"), "partial");
        Files.createDirectories(tmp.resolve("go1.22.5.linux-amd64.456/bin"));
        Path otherVersionInProgress = Files.writeString(tmp.resolve("go1.23.0.linux-amd64.789.download"), "busy");

        cache().install(request());

        assertThat(tempEntries()).containsExactly(otherVersionInProgress);
    }

    @Test
    void concurrentThreadsDownloadOnce() throws Exception {
        SdkCache cache = cache();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<InstalledSdk>> results = List.of(
                    threads.submit(() -> {
                        start.await();
                        return cache.install(request());
                    }),
                    threads.submit(() -> {
                        start.await();
                        return new SdkCache(root, log, Duration.ofSeconds(20)).install(request());
                    }));
            start.countDown();
            InstalledSdk first = results.get(0).get(30, TimeUnit.SECONDS);
            InstalledSdk second = results.get(1).get(30, TimeUnit.SECONDS);

            assertThat(fetches).hasValue(1);
            assertThat(first.home()).isEqualTo(second.home());
            assertThat(List.of(first.freshlyInstalled(), second.freshlyInstalled()))
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void processWaitingForTheLockUsesTheSdkInstalledMeanwhile() throws Exception {
        Path otherFetchLog = work.resolve("other-process-fetches.log");
        Process[] other = new Process[1];
        SdkInstallRequest request = new SdkInstallRequest(
                VERSION,
                LINUX_AMD64,
                ARCHIVE_NAME,
                sha256,
                SOURCE,
                target -> {
                    fetches.incrementAndGet();
                    // While this process downloads, the other build starts and must queue behind our lock.
                    other[0] = OtherBuildProcess.start(
                            "install", root.toString(), archive.toString(), sha256, otherFetchLog.toString());
                    OtherBuildProcess.awaitLine(
                            other[0], OtherBuildProcess.outputOf(other[0]), "Waiting for another build");
                    Files.copy(archive, target, StandardCopyOption.REPLACE_EXISTING);
                },
                home -> {});
        try {
            InstalledSdk ours = cache().install(request);

            BufferedReader output = OtherBuildProcess.outputOf(other[0]);
            OtherBuildProcess.awaitLine(
                    other[0],
                    output,
                    "INFO Go SDK go1.22.5.linux-amd64 was installed by another build while this one waited.");
            OtherBuildProcess.awaitLine(other[0], output, "FRESH=false");
            assertThat(other[0].waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(other[0].exitValue()).isZero();
            assertThat(ours.freshlyInstalled()).isTrue();
            assertThat(fetches).hasValue(1);
            assertThat(otherFetchLog).doesNotExist();
        } finally {
            if (other[0] != null) {
                other[0].destroyForcibly();
            }
        }
    }
}
