package dev.gomvn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.maven.testsupport.TestMavenBuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenNetworkSettingsTest {
    @TempDir
    Path basedir;

    private static Proxy proxy(String protocol, String host, int port, boolean active) {
        Proxy proxy = new Proxy();
        proxy.setId(protocol + "-proxy");
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(port);
        proxy.setUsername("bob");
        proxy.setPassword("s3cret");
        proxy.setNonProxyHosts("localhost|*.corp.example.com");
        proxy.setActive(active);
        return proxy;
    }

    private NetworkSettings settings(TestMavenBuild build, String decryptionProblem, ParameterValues parameters) {
        return MavenNetworkSettings.from(build.session(), TestMavenBuild.decrypter(decryptionProblem), parameters);
    }

    @Test
    void activeProxiesTimeoutsRetriesAndOfflineComeFromMaven() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of()).offline();
        build.settings.addProxy(proxy("http", "proxy.corp.example.com", 3128, true));
        build.settings.addProxy(proxy("https", "inactive.example.com", 8443, false));
        NetworkSettings network = settings(
                build,
                null,
                ParameterValues.builder()
                        .put(GoParameter.CONNECT_TIMEOUT, 5)
                        .put(GoParameter.READ_TIMEOUT, 7)
                        .put(GoParameter.RETRIES, 0)
                        .build());
        assertThat(network.proxies()).singleElement().satisfies(p -> {
            assertThat(p.host()).isEqualTo("proxy.corp.example.com");
            assertThat(p.port()).isEqualTo(3128);
            assertThat(p.username()).isEqualTo("bob");
        });
        assertThat(network.proxyFor("https", "dl.example.org"))
                .as("an http proxy also serves https")
                .isNotNull();
        assertThat(network.proxyFor("https", "git.corp.example.com"))
                .as("nonProxyHosts")
                .isNull();
        assertThat(network.offline()).isTrue();
        assertThat(network.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(network.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(network.retries()).isZero();
        assertThat(network.credentials()).isNull();
    }

    @Test
    void theServerNamedByServerIdGivesTheCredentials() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        Server server = new Server();
        server.setId("go-mirror");
        server.setUsername("ci");
        server.setPassword("t0ken");
        build.settings.addServer(server);
        NetworkSettings network = settings(
                build,
                null,
                ParameterValues.builder()
                        .put(GoParameter.SERVER_ID, "go-mirror")
                        .build());
        assertThat(network.credentials().username()).isEqualTo("ci");
        assertThat(network.credentials().password()).isEqualTo("t0ken");
    }

    @Test
    void anotherParameterNamingAServerGetsItsLoginAndIsNamedWhenTheServerIsMissing() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        Server server = new Server();
        server.setId("go-build-cache");
        server.setUsername("ci");
        server.setPassword("cache-t0ken");
        build.settings.addServer(server);
        String parameter = "<buildCacheServerId> (go.buildCache.serverId)";
        assertThat(MavenNetworkSettings.serverCredentials(
                        build.session(),
                        TestMavenBuild.decrypter(null),
                        "go-build-cache",
                        "go.buildCache.serverId",
                        parameter))
                .isEqualTo(new Credentials("go-build-cache", "ci", "cache-t0ken"));
        assertThatThrownBy(() -> MavenNetworkSettings.serverCredentials(
                        build.session(), TestMavenBuild.decrypter(null), "nexus", "go.buildCache.serverId", parameter))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<buildCacheServerId> (go.buildCache.serverId) is 'nexus', but settings.xml has no <server>"
                        + " with that <id>; add one with <username> and <password>.")
                .extracting(e -> ((ConfigurationException) e).parameter())
                .isEqualTo("go.buildCache.serverId");
    }

    @Test
    void aServerIdWithoutServerSaysWhatToAdd() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        assertThatThrownBy(() -> settings(
                        build,
                        null,
                        ParameterValues.builder()
                                .put(GoParameter.SERVER_ID, "nexus")
                                .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "<serverId> (go.serverId) is 'nexus', but settings.xml has no <server> with that <id>; add one "
                                + "with <username> and <password>.");
    }

    @Test
    void aPasswordThatCannotBeDecryptedNamesSettingsSecurityAndNeverTheSecret() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        build.settings.addProxy(proxy("http", "proxy.corp.example.com", 3128, true));
        assertThatThrownBy(() -> settings(
                        build,
                        "Failed to decrypt password for proxy http-proxy",
                        ParameterValues.builder().build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "Could not decrypt a password in settings.xml: Failed to decrypt password for proxy")
                .hasMessageContaining("settings-security.xml")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aTimeoutThatIsNoPositiveNumberNamesTheParameter() {
        TestMavenBuild build = new TestMavenBuild(basedir, Map.of());
        assertThatThrownBy(() -> settings(
                        build,
                        null,
                        ParameterValues.builder()
                                .put(GoParameter.READ_TIMEOUT, "0")
                                .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<readTimeout> (go.readTimeout) is '0'; give it a whole number of at least 1, e.g. 60.");
        assertThatThrownBy(() -> settings(
                        build,
                        null,
                        ParameterValues.builder()
                                .put(GoParameter.RETRIES, "three")
                                .build()))
                .hasMessage("<retries> (go.retries) is 'three'; give it a whole number of at least 0, e.g. 3.");
    }
}
