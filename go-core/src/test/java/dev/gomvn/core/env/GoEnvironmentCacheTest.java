package dev.gomvn.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory of go env answers must never outlive what go reads, nor the build: a Maven daemon runs many. */
class GoEnvironmentCacheTest {
    @TempDir
    Path temp;

    @Test
    void aGoEnvWriteWithinABuildIsSeen() throws IOException {
        Toolchain goRoot = InstalledGoForTests.toolchain();
        Path goEnvFile = temp.resolve("env");
        Map<String, String> environment = InstalledGoForTests.processEnvironmentWith(
                Map.of("GOENV", goEnvFile.toString(), "GOFLAGS", "", "GOSUMDB", ""));
        Files.writeString(goEnvFile, "GOSUMDB=sum.golang.org\n");
        GoEnvironment first = GoEnvironment.of(goRoot, environment, GoLog.SILENT);
        assertThat(first.get("GOSUMDB")).isEqualTo("sum.golang.org");
        assertThat(GoEnvironment.of(goRoot, environment, GoLog.SILENT))
                .as("unchanged inputs: one go env run")
                .isSameAs(first);

        // What 'go env -w GOSUMDB=off' does while a build runs (or between two builds of one Maven daemon).
        Files.writeString(goEnvFile, "GOSUMDB=off\n");
        assertThat(GoEnvironment.of(goRoot, environment, GoLog.SILENT).get("GOSUMDB"))
                .isEqualTo("off");
    }

    @Test
    void aLaterBuildRunsGoEnvAgainWithItsOwnMemory() {
        Toolchain thisBuild = InstalledGoForTests.toolchain();
        Toolchain laterBuild = withMemo(thisBuild, new BuildMemo());
        Map<String, String> environment = InstalledGoForTests.cleanEnvironment();
        List<String> goRuns = new ArrayList<>();
        GoLog log = GoLog.of(line -> {}, line -> {}, goRuns::add, () -> true, false);

        GoEnvironment first = GoEnvironment.of(thisBuild, environment, log);
        assertThat(GoEnvironment.of(thisBuild, environment, log)).isSameAs(first);
        GoEnvironment later = GoEnvironment.of(laterBuild, environment, log);

        assertThat(later).isNotSameAs(first);
        assertThat(goRuns).filteredOn(line -> line.contains("go env -json")).hasSize(2);
    }

    static Toolchain withMemo(Toolchain toolchain, BuildMemo memo) {
        return new Toolchain(toolchain.goRoot(), toolchain.version(), toolchain.platform(), toolchain.origin(), memo);
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
