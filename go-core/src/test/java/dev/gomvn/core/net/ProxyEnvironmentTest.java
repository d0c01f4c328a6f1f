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
    void mavenProxiesBecomeGoProxyVariablesWithoutTheirLogin() {
        NetworkSettings network = withProxy(
                new ProxySettings("http", "proxy.corp", 3128, "me", "p@ss word", "localhost|*.corp.example.com"));
        Map<String, String> env = ProxyEnvironment.merge(network, Map.of(), Map.of("GOFLAGS", "-mod=readonly"));
        assertThat(env)
                .containsEntry("HTTP_PROXY", "http://proxy.corp:3128")
                .containsEntry("HTTPS_PROXY", "http://proxy.corp:3128")
                .containsEntry("NO_PROXY", "localhost,.corp.example.com")
                .containsEntry("GOFLAGS", "-mod=readonly");
        assertThat(env.toString()).doesNotContain("p@ss", "p%40ss", "me:");
    }

    @Test
    void theLoginTravelsApartWithEncodedCredentialsAndIsNeverPrinted() {
        ProxySettings proxy = new ProxySettings("http", "proxy.corp", 3128, "me", "p@ss word", null);
        ProxyLogin login = ProxyEnvironment.login(withProxy(proxy), Map.of(), Map.of());
        assertThat(login.present()).isTrue();
        assertThat(login.open().variables())
                .containsOnly(
                        Map.entry("HTTP_PROXY", "http://me:p%40ss%20word@proxy.corp:3128"),
                        Map.entry("HTTPS_PROXY", "http://me:p%40ss%20word@proxy.corp:3128"));
        assertThat(login.proxies()).containsExactly(proxy);
        assertThat(login.toString()).contains("proxy.corp:3128").doesNotContain("p@ss");
    }

    @Test
    void noLoginWithoutOneOrWhenTheUserSetTheirOwnProxy() {
        ProxySettings open = new ProxySettings("http", "proxy.corp", 3128, null, null, null);
        ProxySettings withLogin = new ProxySettings("http", "proxy.corp", 3128, "me", "pw", null);
        assertThat(ProxyEnvironment.login(withProxy(open), Map.of(), Map.of())).isSameAs(ProxyLogin.NONE);
        assertThat(ProxyEnvironment.login(withProxy(withLogin), Map.of("https_proxy", "http://mine:1"), Map.of()))
                .isSameAs(ProxyLogin.NONE);
        assertThat(ProxyEnvironment.login(withProxy(withLogin), Map.of(), Map.of("HTTP_PROXY", "http://pom:2")))
                .isSameAs(ProxyLogin.NONE);
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
