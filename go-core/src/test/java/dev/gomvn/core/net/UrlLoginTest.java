package dev.gomvn.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.toolchain.ToolchainRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlLoginTest {

    @Test
    void aLoginIsRedactedInAnyText() {
        assertThat(UrlLogin.redact("GET https://bob:s3cr%40t@mirror.example/go/dl/ failed; see http://x@y/z"))
                .isEqualTo("GET https://***@mirror.example/go/dl/ failed; see http://***@y/z");
        assertThat(UrlLogin.redact("https://mirror.example/go/dl/")).isEqualTo("https://mirror.example/go/dl/");
    }

    @Test
    void theLoginLeavesTheUrlAndBecomesCredentials() {
        URI uri = URI.create("https://bob:s3cr%40t@mirror.example:8443/go/dl/?x=1");
        assertThat(UrlLogin.withoutLogin(uri)).hasToString("https://mirror.example:8443/go/dl/?x=1");
        assertThat(UrlLogin.credentials(uri, "go.downloadRoot")).hasValueSatisfying(login -> {
            assertThat(login.username()).isEqualTo("bob");
            assertThat(login.password()).isEqualTo("s3cr@t");
            assertThat(login).hasToString("user bob from the go.downloadRoot URL");
        });
    }

    @Test
    void aDownloadRootLoginNeverReachesTheRequestsUrl() {
        ToolchainRequest request = ToolchainRequest.builder()
                .downloadRoot("https://bob:s3cret@mirror.example/go/dl/")
                .build();
        assertThat(request.downloadRoot()).isEqualTo("https://mirror.example/go/dl/");
        assertThat(request.network().credentials().username()).isEqualTo("bob");
        assertThat(request.toString()).doesNotContain("s3cret");

        Credentials server = new Credentials("go-mirror", "ci", "t0ken");
        ToolchainRequest withServer = ToolchainRequest.builder()
                .downloadRoot("https://bob:s3cret@mirror.example/go/dl/")
                .network(NetworkSettings.defaults().withCredentials(server))
                .build();
        assertThat(withServer.network().credentials()).as("go.serverId wins").isEqualTo(server);
        assertThat(withServer.downloadRoot()).isEqualTo("https://mirror.example/go/dl/");
    }
}
