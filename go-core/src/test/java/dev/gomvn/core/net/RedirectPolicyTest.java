package dev.gomvn.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Redirects leave neither https nor http (an https test server would need a JVM-wide trust store). */
class RedirectPolicyTest {
    private static final URI HTTPS = URI.create("https://dl.example/go/go1.22.5.linux-amd64.tar.gz");
    private static final String ROOT = "<downloadRoot> (go.downloadRoot)";

    @Test
    void httpsNeverFallsBackToPlainHttp() {
        assertThatThrownBy(
                        () -> RedirectPolicy.followable(HTTPS, HTTPS, URI.create("http://cdn.example/go.tar.gz"), ROOT))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(
                        "redirects to http://cdn.example/go.tar.gz: a downgrade from https to plain http");
        URI plain = URI.create("http://mirror.example/go.tar.gz");
        URI secure = URI.create("https://cdn.example/go.tar.gz");
        assertThat(RedirectPolicy.followable(HTTPS, HTTPS, secure, ROOT)).isEqualTo(secure);
        assertThat(RedirectPolicy.followable(plain, plain, secure, ROOT))
                .as("an upgrade")
                .isEqualTo(secure);
    }

    @Test
    void otherSchemesAreRefusedWithoutShowingALogin() {
        assertThatThrownBy(() -> RedirectPolicy.followable(HTTPS, HTTPS, URI.create("file:/etc/passwd"), ROOT))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("which is not an http(s) URL");
        assertThatThrownBy(
                        () -> RedirectPolicy.followable(HTTPS, HTTPS, URI.create("http://u:s3cret@cdn.example/"), ROOT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
