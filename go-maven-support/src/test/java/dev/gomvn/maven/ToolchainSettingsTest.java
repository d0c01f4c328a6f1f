package dev.gomvn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.maven.testsupport.TestMavenBuild;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every parameter lands in its own place of the request: no two values of one type can be swapped. */
class ToolchainSettingsTest {
    @TempDir
    Path basedir;

    @Test
    void everyParameterReachesItsPlaceInTheRequest() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("PATH", "/usr/bin", "HOME", "/home/ci"));
        ParameterValues values = ParameterValues.builder()
                .put(GoParameter.GO_ROOT, basedir.resolve("go-root").toFile())
                .put(GoParameter.VERSION, "1.22.5")
                .put(GoParameter.DOWNLOAD_ROOT, "https://mirror.example/go/")
                .put(GoParameter.SHA256, "a".repeat(64))
                .putMap(GoParameter.SHA256S, Map.of("linux-arm64", "b".repeat(64)))
                .put(GoParameter.SDK_DIRECTORY, basedir.resolve("sdk").toFile())
                .put(GoParameter.SOURCE, "proxy")
                .put(GoParameter.PROXY, "https://nexus.example/go")
                .put(GoParameter.SUMDB, "sum.golang.google.cn")
                .put(GoParameter.CONNECT_TIMEOUT, 11)
                .put(GoParameter.READ_TIMEOUT, 12)
                .put(GoParameter.RETRIES, 13)
                .put(GoParameter.LOCK_TIMEOUT, 14)
                .put(GoParameter.MODULE_DIRECTORY, basedir.resolve("module").toFile())
                .putMap(GoParameter.ENVIRONMENT, Map.of("GOFLAGS", "-tags=ci"))
                .build();
        ToolchainSettings settings =
                new ToolchainSettings(values, build.context(build.session(), TestMavenBuild.decrypter(null)));
        ToolchainRequest request = settings.request(settings.moduleDirectory());

        assertThat(request.goRoot()).isEqualTo(basedir.resolve("go-root"));
        assertThat(request.versionSpec()).isEqualTo("1.22.5");
        assertThat(request.downloadRoot()).isEqualTo("https://mirror.example/go/");
        assertThat(request.pinnedSha256()).isEqualTo("a".repeat(64));
        assertThat(request.pinnedSha256ByPlatform()).containsExactly(Map.entry("linux-arm64", "b".repeat(64)));
        assertThat(request.sdkDirectory()).isEqualTo(basedir.resolve("sdk"));
        assertThat(request.sources().mode()).isEqualTo(SdkSources.Mode.PROXY);
        assertThat(request.sources().goProxy()).isEqualTo("https://nexus.example/go");
        assertThat(request.sources().sumDb()).isEqualTo("sum.golang.google.cn");
        assertThat(request.sources().artifact()).isNull();
        assertThat(request.network().connectTimeout()).isEqualTo(Duration.ofSeconds(11));
        assertThat(request.network().readTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(request.network().retries()).isEqualTo(13);
        assertThat(request.lockTimeout()).isEqualTo(Duration.ofMinutes(14));
        assertThat(request.moduleDirectory()).isEqualTo(basedir.resolve("module"));
        assertThat(request.environment()).containsEntry("GOFLAGS", "-tags=ci").containsEntry("HOME", "/home/ci");
        assertThat(request.provisionForGoLine()).isTrue();
    }

    @Test
    void withoutParametersTheSdkCacheIsInTheLocalRepositoryAndTheModuleIsTheCurrentDirectory() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder().build(), build.context(build.session(), TestMavenBuild.decrypter(null)));
        ToolchainRequest request = settings.request(basedir);
        assertThat(request.sdkDirectory()).isEqualTo(build.localRepository().resolve(".cache/gomvn/sdk"));
        assertThat(request.downloadRoot()).isEqualTo("https://go.dev/dl/");
        assertThat(request.sources().mode()).isEqualTo(SdkSources.Mode.AUTO);
    }

    @Test
    void goRunsWithTheProcessEnvironmentMavenProxiesAndTheConfiguredVariablesOverAll() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("HOME", "/home/ci", "GOFLAGS", "-mod=mod"));
        Proxy proxy = new Proxy();
        proxy.setProtocol("http");
        proxy.setHost("proxy.corp.example.com");
        proxy.setPort(3128);
        build.settings.addProxy(proxy);
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder()
                        .putMap(GoParameter.ENVIRONMENT, Map.of("GOFLAGS", "-mod=readonly"))
                        .build(),
                build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThat(settings.goEnvironment())
                .containsEntry("HOME", "/home/ci")
                .containsEntry("GOFLAGS", "-mod=readonly")
                .containsEntry("HTTPS_PROXY", "http://proxy.corp.example.com:3128");
        assertThat(settings.configuredEnvironment()).containsExactly(Map.entry("GOFLAGS", "-mod=readonly"));
    }

    @Test
    void goCacheDirectoryHoldsBothCachesForGoalsAndRulesAlikeRelativeToTheProject() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("HOME", "/home/ci"));
        build.userProperties.setProperty("go.cacheDirectory", ".ci-cache/go");
        // A rule reads the parameter from the POM and -D, as the goals get it injected.
        ParameterValues ruleView =
                new PluginConfigurationReader(build.project, build.evaluator(build.session())).read();
        ToolchainSettings settings =
                new ToolchainSettings(ruleView, build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThat(settings.goEnvironment())
                .containsEntry(
                        "GOCACHE", basedir.resolve(".ci-cache/go/go-build").toString())
                .containsEntry("GOMODCACHE", basedir.resolve(".ci-cache/go/mod").toString());
        assertThat(settings.request(basedir).environment())
                .containsEntry("GOMODCACHE", basedir.resolve(".ci-cache/go/mod").toString());
    }

    @Test
    void withoutGoCacheDirectoryGoKeepsItsOwnCacheLocations() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("HOME", "/home/ci"));
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder().build(), build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThat(settings.goEnvironment()).doesNotContainKeys("GOCACHE", "GOMODCACHE");
    }

    @Test
    void gocacheAndGomodcacheSetExplicitlyWinOverGoCacheDirectory() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("GOMODCACHE", "/shared/mod"));
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder()
                        .put(
                                GoParameter.CACHE_DIRECTORY,
                                basedir.resolve("cache").toFile())
                        .putMap(GoParameter.ENVIRONMENT, Map.of("GOCACHE", "/fast-disk/go-build"))
                        .build(),
                build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThat(settings.goEnvironment())
                .containsEntry("GOCACHE", "/fast-disk/go-build")
                .containsEntry("GOMODCACHE", "/shared/mod");
    }

    @Test
    void aFileAsGoCacheDirectoryIsRefusedNamingTheParameter() throws Exception {
        Path file = Files.writeString(basedir.resolve("cache.txt"), "not a directory");
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder()
                        .put(GoParameter.CACHE_DIRECTORY, file.toFile())
                        .build(),
                build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThatThrownBy(settings::goEnvironment)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<cacheDirectory> (go.cacheDirectory) is " + file
                        + ", which is a file: give it a directory (created when missing) for GOCACHE and GOMODCACHE, "
                        + "or leave it unset for Go's own locations.");
    }

    @Test
    void aLoginInAUrlParameterIsUsedButAdvisedAgainstWithoutBeingPrinted() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder()
                        .put(GoParameter.PROXY, "https://ci:s3cret@nexus.example/go")
                        .put(GoParameter.DOWNLOAD_ROOT, "https://mirror.example/go/")
                        .build(),
                build.context(build.session(), TestMavenBuild.decrypter(null)));
        assertThat(settings.loginWarnings())
                .singleElement()
                .asString()
                .startsWith("<proxy> (go.proxy) holds a user:password@ login (https://***@nexus.example/go).")
                .contains("settings.xml <server>")
                .contains("<serverId> (go.serverId)")
                .doesNotContain("s3cret");
        assertThat(settings.request(basedir).sources().goProxy()).isEqualTo("https://ci:s3cret@nexus.example/go");
    }

    @Test
    void theGoesOfOneBuildShareOneMemoryAndALaterBuildInTheSameJvmStartsFresh() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("PATH", "/usr/bin", "HOME", "/home/ci"));
        org.apache.maven.execution.MavenSession thisBuild = build.session();
        ParameterValues none = ParameterValues.builder().build();

        ToolchainRequest aGoal =
                new ToolchainSettings(none, build.context(thisBuild, TestMavenBuild.decrypter(null))).request(basedir);
        ToolchainRequest aRule =
                new ToolchainSettings(none, build.context(thisBuild, TestMavenBuild.decrypter(null))).request(basedir);
        ToolchainRequest laterBuild = new ToolchainSettings(
                        none, build.context(build.session(), TestMavenBuild.decrypter(null)))
                .request(basedir);

        assertThat(aRule.memo()).isSameAs(aGoal.memo());
        assertThat(laterBuild.memo()).isNotSameAs(aGoal.memo());
    }

    @Test
    void gomvnLoadedByAnotherPluginsRealmKeepsItsOwnMemoryInTheSameBuild() throws Exception {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of("PATH", "/usr/bin", "HOME", "/home/ci"));
        org.apache.maven.execution.MavenSession thisBuild = build.session();
        // As maven-enforcer-plugin's realm does: go-core's classes loaded again, by a loader of their own.
        URL goCore = BuildMemo.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader otherRealm = new URLClassLoader(new URL[] {goCore}, ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Class<Object> otherMemo = (Class<Object>) otherRealm.loadClass(BuildMemo.class.getName());
            assertThat(otherMemo).isNotSameAs(BuildMemo.class);
            Object theirs = build.context(thisBuild, TestMavenBuild.decrypter(null))
                    .buildScoped(otherMemo, () -> newInstance(otherMemo));

            BuildMemo ours =
                    build.context(thisBuild, TestMavenBuild.decrypter(null)).memo();

            assertThat(ours).isNotSameAs(theirs);
            assertThat(build.context(thisBuild, TestMavenBuild.decrypter(null)).memo())
                    .isSameAs(ours);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
