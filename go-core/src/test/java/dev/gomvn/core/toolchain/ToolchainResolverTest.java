package dev.gomvn.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Go is chosen, in order: go.root, go.version, go.mod's toolchain line, go.mod's go line as a
 * minimum, the installed Go. The download root here is an empty directory: any attempt to
 * provision shows up as "not found", which is how these tests see that nothing was downloaded.
 */
class ToolchainResolverTest {
    @TempDir
    Path module;

    @TempDir
    Path emptyMirror;

    Toolchain installed;

    @BeforeEach
    void findInstalledGo() {
        installed = InstalledGoForTests.toolchain();
    }

    @Test
    void goRootIsUsedAsItIs() {
        Toolchain chosen = resolve(installed.goRoot(), null);
        assertThat(chosen.goRoot()).isEqualTo(installed.goRoot());
        assertThat(chosen.origin()).isEqualTo("Go at " + installed.goRoot() + " (go.root)");
    }

    @Test
    void goRootThatIsNoGoSaysSo() {
        assertThatThrownBy(() -> resolve(module, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<goRoot> (go.root) is " + module)
                .hasMessageContaining("bin/go does not exist");
    }

    @Test
    void goRootAndAVersionItDoesNotSatisfyConflict() {
        assertThatThrownBy(() -> resolve(installed.goRoot(), "[1.10,1.11)"))
                .hasMessageContaining(
                        "is Go " + installed.version() + ", but <version> (go.version) asks for [1.10,1.11)");
    }

    @Test
    void aRangeTheInstalledGoSatisfiesDownloadsNothing() {
        Toolchain chosen = resolve(null, "[1.21," + (installed.version().major() + 1) + ")");
        assertThat(chosen.goRoot()).isEqualTo(installed.goRoot());
    }

    @Test
    void aReleaseLineTheInstalledGoIsInDownloadsNothing() {
        assertThat(resolve(null, installed.version().languageVersion() + ".x").goRoot())
                .isEqualTo(installed.goRoot());
        assertThat(resolve(null, installed.version().languageVersion()).goRoot())
                .isEqualTo(installed.goRoot());
    }

    @Test
    void anExactVersionIsAlwaysProvisioned() {
        assertThatThrownBy(() -> resolve(null, installed.version().toString()))
                .hasMessageContaining("go" + installed.version());
    }

    @Test
    void aRangeNothingSatisfiesSaysWhatToChange() {
        assertThatThrownBy(() -> resolve(null, "[1.10,1.11)"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "matches <version> (go.version) [1.10,1.11); widen the range or check <downloadRoot>");
    }

    @Test
    void goModToolchainLineIsProvisionedExactly() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.21.13\n");
        // The empty mirror has no such archive: the message says the version is missing, not the digest.
        assertThatThrownBy(() -> resolve(null, null))
                .hasMessageContaining("has no go1.21.13."
                        + InstalledGoForTests.toolchain().platform().goos())
                .hasMessageContaining("Either go1.21.13 does not exist for");
    }

    @Test
    void goModGoLineIsAMinimumTheInstalledGoMaySatisfy() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module m\n\ngo 1.21\n");
        assertThat(resolve(null, null).goRoot()).isEqualTo(installed.goRoot());
        Files.writeString(module.resolve("go.mod"), "module m\n\ngo 1.99\n");
        assertThatThrownBy(() -> resolve(null, null)).hasMessageContaining("go1.99.0.");
    }

    @Test
    void withoutAnyPinTheInstalledGoIsUsed() {
        assertThat(resolve(null, null).origin()).startsWith("installed Go at " + installed.goRoot());
    }

    private Toolchain resolve(Path goRoot, String version) {
        ToolchainRequest request = ToolchainRequest.builder()
                .goRoot(goRoot)
                .versionSpec(version)
                .moduleDirectory(module)
                .downloadRoot("file:" + emptyMirror + "/")
                .sdkDirectory(module.resolve("sdk"))
                .network(NetworkSettings.defaults())
                .environment(System.getenv())
                .lockTimeout(Duration.ofSeconds(10))
                .build();
        return new ToolchainResolver(GoLog.SILENT).resolve(request);
    }
}
