package dev.gomvn.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEnvironmentTest {
    static NetworkSettings withProxy(ProxySettings... proxies) {
        return new NetworkSettings(
                List.of(proxies), null, false, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ZERO);
    }

    @Test
    void mavenProxiesBecomeGoProxyVariablesWithEncodedCredentials() {
        Map<String, String> env = ProxyEnvironment.merge(
                withProxy(new ProxySettings(
                        "http", "proxy.corp", 3128, "me", "p@ss word", "localhost|*.corp.example.com")),
                Map.of(),
                Map.of("GOFLAGS", "-mod=readonly"));
        assertThat(env)
                .containsEntry("HTTP_PROXY", "http://me:p%40ss%20word@proxy.corp:3128")
                .containsEntry("HTTPS_PROXY", "http://me:p%40ss%20word@proxy.corp:3128")
                .containsEntry("NO_PROXY", "localhost,.corp.example.com")
                .containsEntry("GOFLAGS", "-mod=readonly");
    }

    @Test
    void proxyVariablesTheUserSetWin() {
        NetworkSettings network = withProxy(new ProxySettings("http", "proxy.corp", 3128, null, null, null));
        assertThat(ProxyEnvironment.merge(network, Map.of("https_proxy", "http://mine:1"), Map.of()))
                .isEmpty();
        assertThat(ProxyEnvironment.merge(network, Map.of(), Map.of("HTTPS_PROXY", "http://pom:2")))
                .containsOnly(Map.entry("HTTPS_PROXY", "http://pom:2"));
    }

    @Test
    void noProxyNoVariables() {
        assertThat(ProxyEnvironment.merge(NetworkSettings.defaults(), Map.of(), Map.of()))
                .isEmpty();
    }
}
