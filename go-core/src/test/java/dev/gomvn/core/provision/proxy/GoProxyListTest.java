package dev.gomvn.core.provision.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import org.junit.jupiter.api.Test;

class GoProxyListTest {
    @Test
    void readsEntriesAndTheirFallbackRulesAsTheGoCommandDoes() {
        GoProxyList list =
                GoProxyList.parse("https://nexus.example.com/repository/go/|proxy.golang.org,direct", "GOPROXY");

        assertThat(list.entries()).hasSize(3);
        assertThat(list.entries().get(0).url()).hasToString("https://nexus.example.com/repository/go");
        assertThat(list.entries().get(0).fallBackOnAnyError()).isTrue();
        assertThat(list.entries().get(1).url()).hasToString("https://proxy.golang.org");
        assertThat(list.entries().get(1).fallBackOnAnyError()).isFalse();
        assertThat(list.entries().get(2).keyword()).isEqualTo("direct");
        assertThat(list.describe())
                .isEqualTo("https://nexus.example.com/repository/go|https://proxy.golang.org,direct");
    }

    @Test
    void emptyMeansGosDefault() {
        assertThat(GoProxyList.parse("", "GOPROXY").describe()).isEqualTo("https://proxy.golang.org,direct");
    }

    @Test
    void hidesCredentialsInEveryDescription() {
        GoProxyList list = GoProxyList.parse("https://ci:t0ken@nexus.example.com/go", "<proxy> (go.proxy)");
        assertThat(list.describe()).isEqualTo("https://***@nexus.example.com/go");
        assertThatThrownBy(() -> GoProxyList.parse("ftp://ci:t0ken@nexus.example.com/go", "<proxy> (go.proxy)"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "<proxy> (go.proxy) holds 'ftp://***@nexus.example.com/go', which is not a proxy URL")
                .hasMessageNotContaining("t0ken");
    }

    @Test
    void refusesAListWithoutEntries() {
        assertThatThrownBy(() -> GoProxyList.parse(" , ", "GOPROXY"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("lists no proxy");
    }
}
