package dev.gomvn.core.buildcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.PerRun;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedBuildCacheTest {
    @TempDir
    Path temp;

    final List<String> info = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> debug = new CopyOnWriteArrayList<>();
    final GoLog log = GoLog.of(info::add, warnings::add, debug::add, () -> true, false);

    BuildCacheSettings settings(boolean readOnly, boolean offline) {
        return settings("https://cache.example.com/go", readOnly, offline);
    }

    /** A store that fails is remembered for the rest of the JVM: tests that make one fail use their own URL. */
    BuildCacheSettings settings(String url, boolean readOnly, boolean offline) {
        return new BuildCacheSettings(
                URI.create(url),
                new Credentials("build-cache", "ci", "cache-s3cret"),
                readOnly,
                temp.resolve("local"),
                Duration.ofSeconds(5),
                offline,
                Duration.ofSeconds(20),
                Duration.ofSeconds(2),
                null);
    }

    /** The build these goals belong to: what failed in it stays failed for its later goals. */
    FailedStores build = new FailedStores();

    SharedBuildCache start(BuildCacheSettings settings) {
        return SharedBuildCache.start(
                        settings,
                        build,
                        InstalledGoForTests.toolchain(),
                        temp.resolve("sdk"),
                        temp.resolve("run"),
                        InstalledGoForTests.cleanEnvironment(),
                        log)
                .orElseThrow();
    }

    @Test
    void goRunsWithTheProgramButNoStoreSettingReachesItsEnvironmentOnlyAOneShotFileOfEachRun() throws IOException {
        SharedBuildCache cache = start(settings(false, false));
        Map<String, String> environment = cache.environment(Map.of("GOFLAGS", "-mod=mod"));

        assertThat(environment)
                .containsEntry("GOFLAGS", "-mod=mod")
                .containsEntry("GOMVN_CACHE_DIR", temp.resolve("local").toString())
                .containsEntry("GOMVN_CACHE_RUN_DIR", temp.resolve("run").toString())
                .containsEntry("GOMVN_CACHE_READ_ONLY", "false")
                .containsEntry("GOMVN_CACHE_TIMEOUT", "5.0")
                .as("go.connectTimeout is longer than the store's timeout, go.readTimeout shorter")
                .containsEntry("GOMVN_CACHE_CONNECT_TIMEOUT", "5.0")
                .containsEntry("GOMVN_CACHE_READ_TIMEOUT", "2.0");
        assertThat(Path.of(environment.get("GOCACHEPROG"))).isExecutable();
        assertThat(environment.toString())
                .as("go passes its environment to every test binary")
                .doesNotContain("cache-s3cret")
                .doesNotContain("cache.example.com");

        PerRun.Opened run = cache.storeAccess().open();
        Path file = Path.of(run.variables().get("GOMVN_CACHE_STORE_FILE"));
        assertThat(file.getParent()).isEqualTo(temp.resolve("run").resolve("private"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(file))
                .isEqualTo(
                        "{\"url\":\"https://cache.example.com/go\",\"username\":\"ci\",\"password\":\"cache-s3cret\"}");
        PerRun.Opened other = cache.storeAccess().open();
        assertThat(other.variables()).as("one file per go run").isNotEqualTo(run.variables());
        run.close().run();
        other.close().run();
        assertThat(file).doesNotExist();

        // go env never starts the cache program: the file is deleted when the run ends all the same.
        GoCommand.of(InstalledGoForTests.toolchain().goRoot(), "env", "GOVERSION")
                .environment(environment)
                .perRun(cache.storeAccess())
                .log(log)
                .run();
        assertThat(temp.resolve("run").resolve("private")).isEmptyDirectory();
        assertThat(String.join("\n", debug)).contains("GOMVN_CACHE_STORE_FILE=").doesNotContain("cache-s3cret");
    }

    @Test
    void theProxyLoginGoesToTheFileNotToGosEnvironment() throws IOException {
        ProxySettings proxy = new ProxySettings("http", "proxy.corp", 3128, "corp", "proxy-s3cret", null);
        ProxyLogin login =
                new ProxyLogin(Map.of("HTTPS_PROXY", "http://corp:proxy-s3cret@proxy.corp:3128"), List.of(proxy));
        BuildCacheSettings plain = settings(false, false);
        SharedBuildCache cache = start(new BuildCacheSettings(
                plain.url(),
                plain.credentials(),
                false,
                plain.localDirectory(),
                plain.timeout(),
                false,
                null,
                null,
                login));
        assertThat(cache.environment(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"))
                        .toString())
                .doesNotContain("proxy-s3cret");
        PerRun.Opened run = cache.storeAccess().open();
        try {
            assertThat(Files.readString(Path.of(run.variables().get("GOMVN_CACHE_STORE_FILE"))))
                    .contains("\"proxyLogins\":[{\"hostPort\":\"proxy.corp:3128\",\"username\":\"corp\","
                            + "\"password\":\"proxy-s3cret\"}]");
        } finally {
            run.close().run();
        }
    }

    @Test
    void aLoginInTheUrlGoesToTheFileWithoutTheUrl() throws IOException {
        SharedBuildCache cache = start(new BuildCacheSettings(
                URI.create("https://ci:url-s3cret@cache.example.com/go"),
                null,
                false,
                temp.resolve("local"),
                Duration.ofSeconds(5),
                false,
                null,
                null,
                null));
        PerRun.Opened run = cache.storeAccess().open();
        try {
            assertThat(Files.readString(Path.of(run.variables().get("GOMVN_CACHE_STORE_FILE"))))
                    .isEqualTo(
                            "{\"url\":\"https://cache.example.com/go\",\"username\":\"ci\",\"password\":\"url-s3cret\"}");
        } finally {
            run.close().run();
        }
    }

    @Test
    void offlineTheStoreIsNotAsked() {
        SharedBuildCache cache = start(settings(true, true));
        assertThat(cache.environment(Map.of())).containsEntry("GOMVN_CACHE_READ_ONLY", "true");
        assertThat(cache.storeAccess()).isSameAs(PerRun.NOTHING);
        assertThat(info)
                .contains("Offline: the shared build cache answers from " + temp.resolve("local")
                        + " only, not from https://cache.example.com/go.");
    }

    @Test
    void aGoWithoutGocacheprogBuildsWithoutTheCacheAndSaysWhy() {
        Toolchain old = new Toolchain(
                temp.resolve("go1.23"), GoVersion.parse("1.23.4"), Platform.host(), "test", new BuildMemo());
        assertThat(SharedBuildCache.start(
                        settings(false, false), new FailedStores(), old, temp, temp.resolve("run"), Map.of(), log))
                .isEmpty();
        assertThat(warnings)
                .containsExactly("The shared build cache (<buildCacheUrl> (go.buildCache.url)) needs Go 1.24 or newer"
                        + " (GOCACHEPROG); this build uses Go 1.23.4 and goes on without it.");
    }

    @Test
    void aGocacheprogOfTheUsersOwnIsRefused() {
        assertThatThrownBy(() -> SharedBuildCache.start(
                        settings(false, false),
                        new FailedStores(),
                        InstalledGoForTests.toolchain(),
                        temp,
                        temp.resolve("run"),
                        Map.of("GOCACHEPROG", "/opt/other-cacheprog"),
                        log))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<buildCacheUrl> (go.buildCache.url) runs go with gomvn's cache program, but GOCACHEPROG"
                        + " is already set (to '/opt/other-cacheprog', by <environment> or the environment of Maven):"
                        + " remove one of the two.");
    }

    @Test
    void theReportIsOneSummaryLineAndOneWarningPerKindOfTroubleAndLaterGoalsDoNotWaitForAFailedStore()
            throws IOException {
        BuildCacheSettings failing = settings("https://failing.example.com/go", false, false);
        SharedBuildCache cache = start(failing);
        Path run = temp.resolve("run");
        assertThat(run).isEmptyDirectory();
        Files.writeString(
                run.resolve("stats-1-a.txt"), "get a1 store\nget a2 miss\ncorrupt v1/o/ab12\ndown 10\nup 0\n");
        Files.writeString(
                run.resolve("stats-2-b.txt"),
                "get a3 miss\ncorrupt v1/o/cd34\ntoolarge v1/o/ef56 3145728\ntoolarge v1/o/ab78 1024\ndown 0\nup 0\n");
        Files.writeString(
                run.resolve(SharedBuildCache.STORE_FAILED),
                "Get \"https://ci:cache-s3cret@failing.example.com/go/v1/a/ff\": dial tcp: connection refused\n");
        info.clear();

        cache.report();

        assertThat(warnings)
                .containsExactly(
                        "The shared build cache https://failing.example.com/go failed: Get"
                                + " \"https://***@failing.example.com/go/v1/a/ff\": dial tcp: connection refused. The"
                                + " rest of this build goes on without it (only " + temp.resolve("local")
                                + "); check the store, <buildCacheUrl> (go.buildCache.url) and its <server>.",
                        "The shared build cache https://failing.example.com/go served 2 entries whose content does"
                                + " not match its SHA-256 (e.g. v1/o/ab12): not used, go built them again and"
                                + " replaced them in the store. Something wrote wrong content into the store; look at"
                                + " who can write to it.",
                        "The shared build cache https://failing.example.com/go refused 2 outputs as too large (HTTP"
                                + " 413; the largest 3.0 MiB): they stay in the local directory only. Raise the"
                                + " store's upload limit (nginx: client_max_body_size 0).");
        assertThat(info)
                .containsExactly("Shared build cache https://failing.example.com/go: 1 hit (1 from the store, 0 local),"
                        + " 2 misses, 10 bytes down, 0 bytes up");

        // The next goal (go:test, another module) uses the local directory only and says so without a warning.
        warnings.clear();
        info.clear();
        SharedBuildCache next = start(failing);
        assertThat(next.storeAccess()).isSameAs(PerRun.NOTHING);
        assertThat(info)
                .containsExactly("The shared build cache https://failing.example.com/go failed earlier in this build"
                        + " (Get \"https://***@failing.example.com/go/v1/a/ff\": dial tcp: connection refused); this"
                        + " goal uses only " + temp.resolve("local") + ".");
        Files.writeString(temp.resolve("run").resolve("stats-3-c.txt"), "get a1 local\ndown 0\nup 0\n");
        next.report();
        assertThat(warnings).isEmpty();
        assertThat(info)
                .last()
                .isEqualTo("Shared build cache https://failing.example.com/go (local directory only): 1 hit (0 from the"
                        + " store, 1 local), 0 misses, 0 bytes down, 0 bytes up");
        assertThat(start(settings(false, false)).storeAccess())
                .as("another store is asked")
                .isInstanceOf(StoreAccessFiles.class);

        // The next build in the same JVM (the Maven daemon) asks the failed store afresh.
        build = new FailedStores();
        info.clear();
        assertThat(start(failing).storeAccess()).isInstanceOf(StoreAccessFiles.class);
        assertThat(info).noneMatch(line -> line.contains("failed earlier in this build"));
    }

    @Test
    void aStoreTooSlowForTheBuildIsOneWarningNamingTheTimeoutWithTheUploadsItCost() throws IOException {
        BuildCacheSettings slow = settings("https://slow.example.com/go", false, false);
        SharedBuildCache cache = start(slow);
        Path run = temp.resolve("run");
        Files.writeString(run.resolve("stats-1-a.txt"), "get a1 store\ndown 10\nup 20\ndropped 12\n");
        Files.writeString(run.resolve("stats-2-b.txt"), "get a2 miss\ndown 0\nup 0\ndropped 3\n");
        Files.writeString(
                run.resolve(SharedBuildCache.STORE_FAILED),
                "slow: an output was still not stored 1.2 s after the 5s its upload may take\n");
        info.clear();

        cache.report();

        assertThat(warnings)
                .containsExactly("The shared build cache https://slow.example.com/go is too slow for this build: an"
                        + " output was still not stored 1.2 s after the 5s its upload may take. The rest of this"
                        + " build goes on without it (only " + temp.resolve("local") + "), 15 outputs not uploaded."
                        + " If the store cannot be faster, give it more time with <buildCacheTimeout>"
                        + " (go.buildCache.timeout) (now 5 s).");
        assertThat(info)
                .containsExactly("Shared build cache https://slow.example.com/go: 1 hit (1 from the store, 0 local),"
                        + " 1 miss, 10 bytes down, 20 bytes up, 15 uploads dropped");
        info.clear();
        assertThat(start(slow).storeAccess()).isSameAs(PerRun.NOTHING);
        assertThat(info).singleElement().asString().contains("failed earlier in this build (too slow: an output");
    }

    @Test
    void aBadUrlNamesTheParameterAndWhatItShouldLookLike() {
        assertThat(BuildCacheSettings.parseUrl("https://nexus.example.com/repository/go-cache/"))
                .isEqualTo(URI.create("https://nexus.example.com/repository/go-cache"));
        assertThatThrownBy(() -> BuildCacheSettings.parseUrl("ftp://ci:s3cret@example.com/cache"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<buildCacheUrl> (go.buildCache.url) is 'ftp://***@example.com/cache', but the store is"
                        + " reached over http or https; give the base URL of an HTTP store that answers GET and PUT,"
                        + " e.g. https://nexus.example.com/repository/go-build-cache or http://cache.example.com/go.")
                .extracting(e -> ((ConfigurationException) e).parameter())
                .isEqualTo("go.buildCache.url");
        assertThatThrownBy(() -> BuildCacheSettings.parseUrl("cache.example.com"))
                .hasMessageContaining("reached over http or https");
        assertThatThrownBy(() -> BuildCacheSettings.parseUrl("http://cache.example.com/go?x=1"))
                .hasMessageContaining("needs a host and no ?query or #fragment");
    }
}
