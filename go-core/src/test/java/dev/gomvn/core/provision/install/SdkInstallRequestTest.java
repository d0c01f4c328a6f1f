package dev.gomvn.core.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import org.junit.jupiter.api.Test;

class SdkInstallRequestTest {

    private static final Platform LINUX = new Platform("linux", "amd64");

    private static SdkInstallRequest request(String archiveName, String sha256) {
        return new SdkInstallRequest(
                "go1.22.5", LINUX, archiveName, sha256, "<goSha256> in pom.xml", target -> {}, home -> {});
    }

    @Test
    void acceptsUpperCaseDigestAndComparesInLowerCase() {
        assertThat(request("go1.22.5.linux-amd64.tar.gz", " " + "AB".repeat(32) + "\n")
                        .verifier())
                .extracting(verifier -> ((ExpectedSha256) verifier).sha256())
                .isEqualTo("ab".repeat(32));
    }

    @Test
    void rejectsADigestThatIsNotSha256Hex() {
        assertThatThrownBy(() -> request("go1.22.5.linux-amd64.tar.gz", "abc123"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "The expected SHA-256 of go1.22.5.linux-amd64.tar.gz from <goSha256> in pom.xml is 'abc123',"
                                + " which is not 64 hexadecimal digits; correct it there.");
    }

    @Test
    void rejectsAnArchiveNameThatIsAPath() {
        assertThatThrownBy(() -> request("../go1.22.5.linux-amd64.tar.gz", "ab".repeat(32)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not a plain file name");
    }
}
