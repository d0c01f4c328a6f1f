package dev.gomvn.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of go env answers must never outlive what go reads: a long-lived JVM (mvnd) runs many builds. */
class GoEnvironmentCacheTest {
    @TempDir
    Path temp;

    @Test
    void aGoEnvWriteBetweenTwoBuildsIsSeen() throws IOException {
        Path goRoot = InstalledGoForTests.toolchain().goRoot();
        Path goEnvFile = temp.resolve("env");
        Map<String, String> environment = InstalledGoForTests.processEnvironmentWith(
                Map.of("GOENV", goEnvFile.toString(), "GOFLAGS", "", "GOSUMDB", ""));
        Files.writeString(goEnvFile, "GOSUMDB=sum.golang.org\n");
        GoEnvironment first = GoEnvironment.of(goRoot, environment, GoLog.SILENT);
        assertThat(first.get("GOSUMDB")).isEqualTo("sum.golang.org");
        assertThat(GoEnvironment.of(goRoot, environment, GoLog.SILENT))
                .as("unchanged inputs: one go env run")
                .isSameAs(first);

        // What 'go env -w GOSUMDB=off' does between two builds of one Maven daemon.
        Files.writeString(goEnvFile, "GOSUMDB=off\n");
        assertThat(GoEnvironment.of(goRoot, environment, GoLog.SILENT).get("GOSUMDB"))
                .isEqualTo("off");
    }

    @Test
    void theDefaultGoEnvFileIsInTheUserConfigDirectory() {
        assertThat(GoEnvironment.goEnvFile(Map.of("GOENV", "off"))).isEmpty();
        assertThat(GoEnvironment.goEnvFile(Map.of("GOENV", "/etc/go/env"))).contains(Path.of("/etc/go/env"));
        if (!System.getProperty("os.name").startsWith("Windows")
                && !System.getProperty("os.name").startsWith("Mac")) {
            assertThat(GoEnvironment.goEnvFile(Map.of("HOME", "/home/u"))).contains(Path.of("/home/u/.config/go/env"));
            assertThat(GoEnvironment.goEnvFile(Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/cfg")))
                    .contains(Path.of("/cfg/go/env"));
        }
    }
}
