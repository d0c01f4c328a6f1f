package dev.gomvn.cgo.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.cgo.minisign.MinisignPublicKey;
import dev.gomvn.cgo.minisign.TestMinisign;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.provision.install.ArchiveContentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zig from a file: mirror, verified by its minisign signature or a pinned SHA-256, installed once and cached. */
class ZigProvisionerTest {
    private static final Platform LINUX = new Platform("linux", "amd64");
    private static final String VERSION = ZigProvisioner.DEFAULT_VERSION;
    private static final String ARCHIVE = "zig-x86_64-linux-0.17.1.tar.xz";

    @TempDir
    Path temp;

    private final TestMinisign mirrorKey = new TestMinisign(0x0102030405060708L);

    @Test
    void aSignedArchiveInstallsAndIsThenServedFromTheCacheWithoutTheMirror() throws IOException {
        Path mirror = temp.resolve("mirror");
        mirrorKey.sign(FakeZig.tarXz(mirror, VERSION, "zig"));

        ZigInstallation zig =
                provision(request(mirror, null, mirrorKey.publicKey(), LINUX, NetworkSettings.defaults()));

        assertThat(zig.home()).isEqualTo(temp.resolve("cache/0.17.1.linux-amd64"));
        assertThat(zig.zigExecutable())
                .isEqualTo(zig.home().resolve("zig"))
                .isExecutable()
                .hasContent(FakeZig.SCRIPT.strip());
        assertThat(zig.home().resolve("lib/x")).exists();
        assertThat(zig.version()).isEqualTo(VERSION);
        assertThat(zig.archiveSha256()).isEqualTo(Sha256.of(mirror.resolve(ARCHIVE)));
        assertThat(zig.verifiedBy())
                .isEqualTo("the minisign signature " + signatureUri(mirror) + " by key 0102030405060708");
        deleteTree(mirror);
        ZigInstallation cached =
                provision(request(mirror, null, mirrorKey.publicKey(), LINUX, NetworkSettings.defaults()));
        assertThat(cached).isEqualTo(zig);
    }

    @Test
    void aTamperedArchiveIsRefusedAndLeavesNothingInTheCache() throws IOException {
        Path mirror = temp.resolve("mirror");
        Path archive = FakeZig.tarXz(mirror, VERSION, "zig");
        mirrorKey.sign(archive);
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);

        assertThatThrownBy(() ->
                        provision(request(mirror, null, mirrorKey.publicKey(), LINUX, NetworkSettings.defaults())))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("The signature " + signatureUri(mirror) + " of " + ARCHIVE + " is refused")
                .hasMessageContaining("does not match the file")
                .hasMessageContaining("Nothing was installed");
        assertThat(installed()).isEmpty();
    }

    @Test
    void withoutASignatureOrAPinNothingIsInstalledAndTheMessageNamesBoth() throws IOException {
        Path mirror = temp.resolve("mirror");
        FakeZig.tarXz(mirror, VERSION, "zig");

        assertThatThrownBy(() -> provision(request(mirror, null, null, LINUX, NetworkSettings.defaults())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No signature for " + ARCHIVE + ": there is no " + signatureUri(mirror)
                        + " and <zig> pins no <sha256>")
                .hasMessageContaining("<zig><publicKey>")
                .hasMessageContaining("<zig><sha256> (go.zig.sha256)");
        assertThat(installed()).isEmpty();
    }

    @Test
    void aSignatureByAnotherKeyThanTheTrustedOneIsRefusedNamingBothKeyIds() throws IOException {
        Path mirror = temp.resolve("mirror");
        mirrorKey.sign(FakeZig.tarXz(mirror, VERSION, "zig"));
        String zigKeyId = MinisignPublicKey.parse(ZigProvisioner.ZIG_PUBLIC_KEY).keyIdHex();

        assertThatThrownBy(() -> provision(request(mirror, null, null, LINUX, NetworkSettings.defaults())))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("it was made with the key 0102030405060708, but the trusted key is " + zigKeyId)
                .hasMessageContaining("<zig><publicKey>");
        String otherKey = new TestMinisign(0x1111111111111111L).publicKey();
        assertThatThrownBy(() -> provision(request(mirror, null, otherKey, LINUX, NetworkSettings.defaults())))
                .hasMessageContaining("the trusted key is 1111111111111111");
        assertThat(installed()).isEmpty();
    }

    @Test
    void aValidSignatureOfAnotherFileServedUnderThisNameIsRefused() throws IOException {
        Path mirror = temp.resolve("mirror");
        Path archive = FakeZig.tarXz(mirror, VERSION, "zig");
        mirrorKey.sign(archive, "timestamp:1600000000\tfile:zig-x86_64-linux-0.11.0.tar.xz\thashed");

        assertThatThrownBy(() ->
                        provision(request(mirror, null, mirrorKey.publicKey(), LINUX, NetworkSettings.defaults())))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("signs zig-x86_64-linux-0.11.0.tar.xz, not " + ARCHIVE);
        assertThat(installed()).isEmpty();
    }

    @Test
    void aMatchingPinInstallsWithoutASignatureAndADifferentPinRefusesTheCache() throws IOException {
        Path mirror = temp.resolve("mirror");
        String sha256 = Sha256.of(FakeZig.tarXz(mirror, VERSION, "zig"));

        ZigInstallation zig = provision(request(mirror, sha256.toUpperCase(), null, LINUX, NetworkSettings.defaults()));

        assertThat(zig.verifiedBy()).isEqualTo("the pinned <zig><sha256>");
        assertThat(zig.zigExecutable()).isExecutable();
        assertThatThrownBy(() -> provision(request(mirror, "0".repeat(64), null, LINUX, NetworkSettings.defaults())))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("The cached Zig " + zig.home() + " was installed from an archive with SHA-256 "
                        + sha256 + " (verified by the pinned <zig><sha256>), but <zig><sha256> (go.zig.sha256) pins "
                        + "0".repeat(64));
    }

    @Test
    void offlineTheCacheServesAndWithoutItTheMessageSaysWhy() throws IOException {
        NetworkSettings offline = NetworkSettings.defaults().withOffline(true);
        assertThatThrownBy(() -> provision(request(null, null, null, LINUX, offline)))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("Zig 0.17.1 for linux/amd64 is not in the cache " + temp.resolve("cache")
                        + " and Maven runs offline (-o)")
                .hasMessageContaining("<zig><downloadRoot> (go.zig.downloadRoot) to a file: mirror");

        Path mirror = temp.resolve("mirror");
        mirrorKey.sign(FakeZig.tarXz(mirror, VERSION, "zig"));
        ZigInstallation zig = provision(request(mirror, null, mirrorKey.publicKey(), LINUX, offline));
        assertThat(provision(request(null, null, null, LINUX, offline))).isEqualTo(zig);
    }

    @Test
    void anArchiveWithoutAZigExecutableIsNotInstalled() throws IOException {
        Path mirror = temp.resolve("mirror");
        mirrorKey.sign(FakeZig.tarXz(mirror, VERSION, null));

        assertThatThrownBy(() ->
                        provision(request(mirror, null, mirrorKey.publicKey(), LINUX, NetworkSettings.defaults())))
                .isInstanceOf(ArchiveContentException.class)
                .hasMessageContaining("holds no executable zig-x86_64-linux-0.17.1/zig beside a lib/ directory")
                .hasMessageContaining("nothing was installed");
        assertThat(installed()).isEmpty();
    }

    @Test
    void aWindowsHostGetsTheZipAndZigExe() throws IOException {
        Path mirror = temp.resolve("mirror");
        String sha256 = Sha256.of(FakeZig.windowsZip(mirror, VERSION));

        ZigInstallation zig =
                provision(request(mirror, sha256, null, new Platform("windows", "amd64"), NetworkSettings.defaults()));

        assertThat(zig.home()).isEqualTo(temp.resolve("cache/0.17.1.windows-amd64"));
        assertThat(zig.zigExecutable()).isEqualTo(zig.home().resolve("zig.exe")).hasContent("MZ");
    }

    @Test
    void aMalformedVersionOrKeyIsNamedBeforeAnythingIsFetched() {
        ZigRequest badVersion = new ZigRequest(
                "0.17",
                null,
                null,
                null,
                null,
                LINUX,
                temp.resolve("cache"),
                NetworkSettings.defaults(),
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> provision(badVersion))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<zig><version> (go.zig.version) '0.17' is not a Zig version like 0.17.1");
        assertThatThrownBy(() -> provision(request(temp, null, "not-a-key", LINUX, NetworkSettings.defaults())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<zig><publicKey> (go.zig.publicKey) is not usable");
    }

    /** As a download root names it: {@code file:/...}, whatever spelling the POM used. */
    private static String signatureUri(Path mirror) {
        return mirror.toUri().resolve(ARCHIVE + ".minisig").toString();
    }

    private ZigRequest request(
            Path mirror, String sha256, String publicKey, Platform platform, NetworkSettings network) {
        return new ZigRequest(
                null,
                mirror == null ? null : mirror.toUri().toString(),
                sha256,
                publicKey,
                null,
                platform,
                temp.resolve("cache"),
                network,
                Duration.ofSeconds(10));
    }

    private static ZigInstallation provision(ZigRequest request) {
        return new ZigProvisioner(new GoLog() {
                    @Override
                    public void info(String message) {}

                    @Override
                    public void warn(String message) {}

                    @Override
                    public void debug(String message) {}

                    @Override
                    public boolean isDebugEnabled() {
                        return false;
                    }
                })
                .provision(request);
    }

    /** What the cache holds besides its lock files and the empty staging directory. */
    private Stream<Path> installed() throws IOException {
        Path cache = temp.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return Stream.empty();
        }
        try (Stream<Path> all = Files.walk(cache)) {
            return all
                    .filter(path -> !path.equals(cache) && !path.equals(cache.resolve(".tmp")))
                    .filter(path -> !path.getFileName().toString().endsWith(".lock"))
                    .toList()
                    .stream();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
