package dev.gomvn.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.signing.SigningKeyFile;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class GoCommandTest {
    @TempDir
    Path temp;

    @Test
    void goAlwaysRunsWithGotoolchainLocalAndItsOwnBinFirst() {
        Path goRoot = InstalledGoForTests.toolchain().goRoot();
        String output = GoCommand.of(goRoot, "env", "GOTOOLCHAIN", "GOROOT")
                .environment(Map.of("GOTOOLCHAIN", "auto"))
                .captureStdout()
                .run()
                .requireSuccess()
                .stdout();
        assertThat(output.lines()).containsExactly("local", goRoot.toString());
        assertThat(GoCommand.of(goRoot, "version").effectiveEnvironment().get("PATH"))
                .startsWith(goRoot.resolve("bin").toString());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theSigningKeysPassphraseNeverReachesGo() throws IOException {
        Path fakeRoot = fakeGo("echo \"passphrase=[$" + SigningKeyFile.PASSPHRASE_VARIABLE + "]\"");
        String output = GoCommand.of(fakeRoot, "env")
                .environment(Map.of(SigningKeyFile.PASSPHRASE_VARIABLE, "s3cret-passphrase"))
                .captureStdout()
                .run()
                .requireSuccess()
                .stdout();
        assertThat(output.strip()).isEqualTo("passphrase=[]");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void outputArrivesLineByLineWhileTheProcessRuns() throws IOException {
        Path fakeRoot = fakeGo("echo first; sleep 2; echo second");
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        GoProcessResult result = GoCommand.of(fakeRoot)
                .environment(System.getenv())
                .onStdout(line -> arrivals.add(System.nanoTime() - started))
                .run();
        assertThat(result.succeeded()).isTrue();
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHungProcessIsStoppedAtItsTimeout() throws IOException {
        Path fakeRoot = fakeGo("sleep 30");
        long started = System.nanoTime();
        assertThatThrownBy(() -> GoCommand.of(fakeRoot, "build")
                        .environment(System.getenv())
                        .timeout(Duration.ofMillis(500))
                        .run())
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("'go build' did not finish within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void failuresCarryTheExitCodeAndTheLastLines() throws IOException {
        Path fakeRoot = fakeGo("echo 'main.go:3:1: syntax error' >&2; exit 1");
        assertThatThrownBy(() -> GoCommand.of(fakeRoot, "build", ".")
                        .environment(System.getenv())
                        .run()
                        .requireSuccess())
                .hasMessage("'go build .' failed with exit code 1:\nmain.go:3:1: syntax error");
    }

    @Test
    void goEnvRunsOncePerToolchainAndEnvironment() {
        Toolchain goRoot = InstalledGoForTests.toolchain();
        GoEnvironment first = GoEnvironment.of(goRoot, Map.of("GOFLAGS", "-mod=readonly"), GoLog.SILENT);
        assertThat(GoEnvironment.of(goRoot, Map.of("GOFLAGS", "-mod=readonly"), GoLog.SILENT))
                .isSameAs(first);
        assertThat(first.get("GOFLAGS")).isEqualTo("-mod=readonly");
        assertThat(GoEnvironment.of(goRoot, Map.of("GOFLAGS", "-mod=mod"), GoLog.SILENT))
                .isNotSameAs(first);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void debugShowsTheCommandLineAndTheVariablesThatSteerGoWithCredentialsHidden() throws IOException {
        Path fakeRoot = fakeGo("exit 0");
        List<String> debug = new CopyOnWriteArrayList<>();
        GoCommand.of(fakeRoot, "build", "-ldflags=-X main.version=1.0 -s", "./cmd/app")
                .environment(Map.of(
                        "GOPROXY", "https://builder:proxy-s3cret@goproxy.example.com,direct",
                        "HTTPS_PROXY", "http://alice:relay-s3cret@proxy.example.com:3128",
                        "GOAUTH", "netrc-s3cret-command",
                        "GOPRIVATE_TOKEN", "token-s3cret",
                        "CGO_ENABLED", "0",
                        "GITHUB_TOKEN", "ci-s3cret",
                        "EDITOR", "vi"))
                .in(temp)
                .log(recordingDebug(debug, true))
                .run();

        assertThat(debug)
                .containsExactly(
                        "Running in " + temp + ": " + GoCommand.executable(fakeRoot)
                                + " build '-ldflags=-X main.version=1.0 -s' ./cmd/app",
                        "  with CGO_ENABLED=0 GOAUTH='***' GOPRIVATE_TOKEN='***'"
                                + " GOPROXY='https://***@goproxy.example.com,direct' GOROOT=" + fakeRoot
                                + " GOTOOLCHAIN=local HTTPS_PROXY='http://***@proxy.example.com:3128' PATH="
                                + fakeRoot.resolve("bin"));
        assertThat(String.join("\n", debug)).doesNotContain("s3cret").doesNotContain("EDITOR");
    }

    private static final ProxyLogin LOGIN = new ProxyLogin(
            Map.of("HTTPS_PROXY", "http://corp:proxy-s3cret@proxy.corp:3128"),
            List.of(new ProxySettings("http", "proxy.corp", 3128, "corp", "proxy-s3cret", null)));

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theProxyLoginReachesOnlyRunsThatRunNothingOfTheUsers() throws IOException {
        Path fakeRoot = fakeGo("echo \"$HTTPS_PROXY\"");
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "CGO_ENABLED", "0");
        for (List<String> downloads : List.of(
                List.of("mod", "download"), List.of("list", "-deps", "-test", "./..."), List.of("install", "x@v1"))) {
            assertThat(GoCommand.of(fakeRoot, downloads)
                            .environment(environment)
                            .proxyLogin(LOGIN)
                            .captureStdout()
                            .run()
                            .stdout())
                    .as("go %s", downloads)
                    .isEqualTo("http://corp:proxy-s3cret@proxy.corp:3128\n");
        }
        assertThat(GoCommand.of(fakeRoot, "test", "./...")
                        .environment(environment)
                        .captureStdout()
                        .run()
                        .stdout())
                .isEqualTo("http://proxy.corp:3128\n");
    }

    @Test
    void runsThatMayRunTheUsersCodeAreRefusedTheProxyLogin() {
        Path goRoot = temp.resolve("go");
        Map<String, String> noCgo = Map.of("CGO_ENABLED", "0");
        List<GoCommand> userCode = List.of(
                GoCommand.of(goRoot, "test", "./..."),
                GoCommand.of(goRoot, "generate", "./..."),
                GoCommand.of(goRoot, "run", "./cmd/x"),
                GoCommand.of(goRoot, "build", "./..."), // cgo may be on: a C compiler runs
                GoCommand.of(goRoot, "build", "-toolexec=./wrap", "./...").environment(noCgo),
                GoCommand.of(goRoot, "build", "./...")
                        .environment(Map.of("CGO_ENABLED", "0", "GOFLAGS", "-toolexec=x")),
                GoCommand.of(goRoot, "list", "-compiled", "./..."),
                GoCommand.of(goRoot, "tool", "mytool"),
                GoCommand.tool(goRoot, temp.resolve("govulncheck"), List.of("./...")));
        for (GoCommand command : userCode) {
            assertThatThrownBy(() -> command.proxyLogin(LOGIN))
                    .as(command.commandLine())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aProxyThatWantedTheWithheldLoginIsExplained() throws IOException {
        Path fakeRoot = fakeGo(
                "echo 'reading https://proxy.golang.org/x/@v/list: Proxy Authentication Required' >&2;" + " exit 1");
        assertThat(GoCommand.of(fakeRoot, "build", "./...").run().tail())
                .last()
                .asString()
                .contains("proxy's login only to", "go list -mod=readonly -e -deps -test ./...", "go mod download");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutDebugNothingIsLogged() throws IOException {
        List<String> debug = new CopyOnWriteArrayList<>();
        GoCommand.of(fakeGo("exit 0"), "version")
                .log(recordingDebug(debug, false))
                .run();
        assertThat(debug).isEmpty();
    }

    private static GoLog recordingDebug(List<String> lines, boolean enabled) {
        return GoLog.of(line -> {}, line -> {}, lines::add, () -> enabled, false);
    }

    private Path fakeGo(String script) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("fake-go/bin"));
        Path go = bin.resolve("go");
        Files.writeString(go, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return temp.resolve("fake-go");
    }
}
