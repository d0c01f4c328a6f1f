package dev.gomvn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlParameterTest {
    @Test
    void itsStringFormIsTheUrlWithoutItsLoginAndItsValueIsTheUrl() {
        UrlParameter proxy = new UrlParameter("https://ci:s3cret@nexus.example/go");
        assertThat(proxy).hasToString("https://***@nexus.example/go");
        assertThat(proxy.value()).isEqualTo("https://ci:s3cret@nexus.example/go");
        assertThat(ParameterValues.builder()
                        .put(GoParameter.PROXY, proxy)
                        .build()
                        .string(GoParameter.PROXY))
                .contains("https://ci:s3cret@nexus.example/go");
    }
}
