package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvtestReleasesTest {
    private static final String YAML = String.join(
            "\n",
            "releases:",
            "  v1.31.0:",
            "    envtest-v1.31.0-darwin-amd64.tar.gz:",
            "      hash: aaaa",
            "      selfLink: https://example.test/envtest-v1.31.0-darwin-amd64.tar.gz",
            "    \"envtest-v1.31.0-linux-amd64.tar.gz\":",
            "",
            "      selfLink: https://example.test/envtest-v1.31.0-linux-amd64.tar.gz",
            "      hash: 'bbbb'",
            "    envtest-v1.31.0-linux-arm64.tar.gz:",
            "      selfLink: https://example.test/envtest-v1.31.0-linux-arm64.tar.gz",
            "    envtest-v1.31.0-linux-ppc64le.tar.gz:",
            "      hash: cccc",
            "");

    @Test
    void readsTheHashOfTheNamedArchiveOnlyWhateverTheOrderAndQuotingOfItsFields() {
        assertThat(EnvtestReleases.sha512Of(YAML, "envtest-v1.31.0-darwin-amd64.tar.gz"))
                .contains("aaaa");
        assertThat(EnvtestReleases.sha512Of(YAML, "envtest-v1.31.0-linux-amd64.tar.gz"))
                .contains("bbbb");
    }

    @Test
    void anArchiveListedWithoutAHashOrNotListedHasNone() {
        assertThat(EnvtestReleases.sha512Of(YAML, "envtest-v1.31.0-linux-arm64.tar.gz"))
                .as("the next archive's hash is not this one's")
                .isEmpty();
        assertThat(EnvtestReleases.sha512Of(YAML, "envtest-v1.32.0-linux-amd64.tar.gz"))
                .isEmpty();
    }
}
