package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.provision.install.ArchiveContentException;
import dev.gomvn.core.provision.install.TestArchives;
import dev.gomvn.core.toolchain.SdkSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envtest binaries from an http download root (the embedded server) or an artifact, verified and cached. */
class EnvtestProvisionerTest {
    private static final Platform LINUX = new Platform("linux", "amd64");
    private static final String ARCHIVE = "envtest-v1.31.0-linux-amd64.tar.gz";

    @TempDir
    Path temp;

    private TestServer server;
    private Path archive;

    @BeforeEach
    void publish() throws IOException {
        server = new TestServer();
        archive = envtestArchive(List.of("etcd", "kube-apiserver", "kubectl"));
        server.serve("/envtest/" + ARCHIVE, Files.readAllBytes(archive));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void installsTheBinariesVerifiedByTheSha256FileAndThenUsesTheCache() throws IOException {
        serveSidecar(TestArchives.sha256(archive));

        Path assets = provision(request("1.31.0", server.url("/envtest/"), null, settings()));

        assertThat(assets).isEqualTo(temp.resolve("cache/v1.31.0.linux-amd64"));
        for (String binary : EnvtestProvisioner.BINARIES) {
            assertThat(assets.resolve(binary)).isExecutable();
        }
        assertThat(assets.resolve("etcd")).content().startsWith("#!/bin/sh\necho etcd");
        Path again = provision(
                request("v1.31.0", server.url("/envtest/"), null, settings().withOffline(true)));
        assertThat(again).as("offline, from the cache").isEqualTo(assets);
        assertThat(server.count("/envtest/" + ARCHIVE)).isEqualTo(1);
    }

    @Test
    void aDigestMismatchIsRefusedAndNothingIsInstalled() {
        serveSidecar("0".repeat(64));

        assertThatThrownBy(() -> provision(request("1.31.0", server.url("/envtest/"), null, settings())))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("SHA-256 mismatch for " + ARCHIVE)
                .hasMessageContaining("nothing was installed");
        assertThat(installed()).isEmpty();
    }

    @Test
    void withoutADigestNothingIsEvenDownloaded() {
        assertThatThrownBy(() -> provision(request("1.31.0", server.url("/envtest/"), null, settings())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No digest for " + ARCHIVE + ": there is no " + server.url("/envtest/") + ARCHIVE
                        + ".sha256 (nor .sha512), " + server.url("/envtest/") + "envtest-releases.yaml does not list"
                        + " it, and <envtest> pins no <sha256> or <sha512>")
                .hasMessageContaining("envtest-releases.yaml lists with <sha512>");
        assertThat(server.count("/envtest/" + ARCHIVE)).isZero();
        assertThat(installed()).isEmpty();
    }

    @Test
    void aPinnedDigestIsEnoughAndAnArchiveWithoutTheBinariesIsNotInstalled() throws IOException {
        Path incomplete = envtestArchive(List.of("etcd", "kubectl"));
        server.serve("/envtest/" + ARCHIVE, Files.readAllBytes(incomplete));

        assertThatThrownBy(() -> provision(
                        request("1.31.0", server.url("/envtest/"), TestArchives.sha256(incomplete), settings())))
                .isInstanceOf(ArchiveContentException.class)
                .hasMessageContaining("holds no executable controller-tools/envtest/kube-apiserver")
                .hasMessageContaining("nothing was installed");
        assertThat(installed()).isEmpty();
    }

    @Test
    void anArtifactIsVerifiedByThePinnedDigestAndNamesTheVersion() throws IOException {
        SdkSources.SdkArtifact artifact = new SdkSources.SdkArtifact() {
            @Override
            public String coordinates() {
                return "io.k8s:envtest:1.31.0:tar.gz:linux-amd64";
            }

            @Override
            public String goVersion() {
                return "1.31.0";
            }

            @Override
            public Path resolve() {
                return archive;
            }

            @Override
            public String extension() {
                return "tar.gz";
            }
        };
        EnvtestRequest request = new EnvtestRequest(
                null,
                null,
                TestArchives.sha256(archive).toUpperCase(),
                null,
                artifact,
                LINUX,
                temp.resolve("cache"),
                settings().withOffline(true),
                Duration.ofSeconds(10));

        assertThat(provision(request).resolve("kubectl")).isExecutable();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void theSha512ThatControllerToolsPublishesInEnvtestReleasesYamlVerifiesTheArchive() throws IOException {
        serveReleases(sha512(archive).toUpperCase());

        Path assets = provision(request("1.31.0", server.url("/envtest/"), null, settings()));

        assertThat(assets.resolve("kube-apiserver")).isExecutable();
        assertThat(server.count("/envtest/envtest-releases.yaml")).isEqualTo(1);
    }

    @Test
    void anArchiveThatDoesNotMatchTheListedSha512IsRefused() {
        serveReleases("3".repeat(128));

        assertThatThrownBy(() -> provision(request("1.31.0", server.url("/envtest/"), null, settings())))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("SHA-512 mismatch for " + ARCHIVE + ": expected " + "3".repeat(128) + " (from "
                        + server.url("/envtest/") + "envtest-releases.yaml)")
                .hasMessageContaining("nothing was installed");
        assertThat(installed()).isEmpty();
    }

    @Test
    void aSha512FileBesideTheArchiveVerifiesIt() throws IOException {
        server.serve(
                "/envtest/" + ARCHIVE + ".sha512",
                (sha512(archive) + "  " + ARCHIVE + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(provision(request("1.31.0", server.url("/envtest/"), null, settings()))
                        .resolve("etcd"))
                .isExecutable();
    }

    @Test
    void aPinnedSha512InstallsAndTheCacheIsHeldToIt() throws IOException {
        String pin = sha512(archive);
        Path assets = provision(pinnedSha512(pin));
        assertThat(assets.resolve("kubectl")).isExecutable();

        assertThat(provision(pinnedSha512(pin.toUpperCase())))
                .as("the same pin, from the cache")
                .isEqualTo(assets);
        assertThat(server.count("/envtest/" + ARCHIVE)).isEqualTo(1);
        assertThatThrownBy(() -> provision(pinnedSha512("4".repeat(128))))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("but <envtest><sha512> pins " + "4".repeat(128))
                .hasMessageContaining("Delete that directory to install the pinned archive");
        assertThatThrownBy(() -> provision(pinnedSha512("abc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<envtest><sha512> 'abc' is not a SHA-512 digest");
    }

    @Test
    void offlineWithAnEmptyCacheSaysWhatIsMissing() {
        assertThatThrownBy(() -> provision(request(
                        "1.31.0", server.url("/envtest/"), null, settings().withOffline(true))))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("envtest binaries v1.31.0 for linux/amd64 are not in the cache")
                .hasMessageContaining("Maven runs offline (-o)");
    }

    @Test
    void badSettingsNameTheirParameter() {
        assertThatThrownBy(() -> provision(request("1.31", server.url("/envtest/"), null, settings())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<envtest><version> '1.31' is not a Kubernetes version like 1.31.0.");
        assertThatThrownBy(() -> provision(request("1.31.0", server.url("/envtest/"), "abc", settings())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<envtest><sha256> 'abc' is not a SHA-256 digest");
        assertThatThrownBy(() -> provision(request("1.31.0", "ftp://mirror/envtest", null, settings())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<envtest><downloadRoot> 'ftp://mirror/envtest' is not usable");
        assertThatThrownBy(() -> provision(request("1.31.0", null, null, settings())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("<envtest> names no source for " + ARCHIVE);
    }

    private Path provision(EnvtestRequest request) {
        return new EnvtestProvisioner(GoLog.SILENT).provision(request);
    }

    private EnvtestRequest request(String version, String downloadRoot, String sha256, NetworkSettings network) {
        return new EnvtestRequest(
                version,
                downloadRoot,
                sha256,
                null,
                null,
                LINUX,
                temp.resolve("cache"),
                network,
                Duration.ofSeconds(10));
    }

    private EnvtestRequest pinnedSha512(String sha512) {
        return new EnvtestRequest(
                "1.31.0",
                server.url("/envtest/"),
                null,
                sha512,
                null,
                LINUX,
                temp.resolve("cache"),
                settings(),
                Duration.ofSeconds(10));
    }

    /** controller-tools' envtest-releases.yaml, as its repository publishes it, listing this archive. */
    private void serveReleases(String sha512) {
        String yaml = String.join(
                "\n",
                "releases:",
                "  v1.30.0:",
                "    envtest-v1.30.0-linux-amd64.tar.gz:",
                "      hash: " + "1".repeat(128),
                "      selfLink: https://github.com/kubernetes-sigs/controller-tools/releases/download/"
                        + "envtest-v1.30.0/envtest-v1.30.0-linux-amd64.tar.gz",
                "  v1.31.0:",
                "    envtest-v1.31.0-darwin-arm64.tar.gz:",
                "      hash: " + "2".repeat(128),
                "      selfLink: https://github.com/kubernetes-sigs/controller-tools/releases/download/"
                        + "envtest-v1.31.0/envtest-v1.31.0-darwin-arm64.tar.gz",
                "    " + ARCHIVE + ":",
                "      hash: " + sha512,
                "      selfLink: https://github.com/kubernetes-sigs/controller-tools/releases/download/"
                        + "envtest-v1.31.0/" + ARCHIVE,
                "");
        server.serve("/envtest/envtest-releases.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha512(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NetworkSettings settings() {
        return new NetworkSettings(
                List.of(), null, false, Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofMillis(10));
    }

    private void serveSidecar(String digest) {
        server.serve(
                "/envtest/" + ARCHIVE + ".sha256", (digest + "  " + ARCHIVE + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Laid out as controller-tools packs it: {@code tar -czf ... /controller-tools/envtest}. */
    private Path envtestArchive(List<String> binaries) throws IOException {
        TestArchives.Tar tar = new TestArchives.Tar().directory("controller-tools/envtest/");
        for (String binary : binaries) {
            tar.file("controller-tools/envtest/" + binary, "#!/bin/sh\necho " + binary + "\n", 0755);
        }
        Path directory = Files.createDirectories(temp.resolve("archives-" + binaries.size()));
        return tar.writeTo(directory.resolve(ARCHIVE));
    }

    /** What the cache holds besides lock files, staging area included: nothing after a refusal. */
    private List<String> installed() {
        Path cache = temp.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.walk(cache)) {
            return entries.filter(p -> !p.equals(cache) && !p.equals(cache.resolve(".tmp")))
                    .map(p -> cache.relativize(p).toString())
                    .filter(name -> !name.endsWith(".lock"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
