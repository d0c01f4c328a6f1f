package dev.gomvn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import org.junit.jupiter.api.Test;

class MavenSdkArtifactTest {
    private static final Platform LINUX_ARM64 = new Platform("linux", "arm64");

    @Test
    void threeCoordinatesMeanATarGzForThisMachinesPlatform() {
        MavenSdkArtifact artifact =
                MavenSdkArtifact.parse(" com.example.go:go-sdk:1.22.5 ", LINUX_ARM64, null, null, null);
        assertThat(artifact.coordinates()).isEqualTo("com.example.go:go-sdk:1.22.5:tar.gz:linux-arm64");
        assertThat(artifact.goVersion()).isEqualTo("1.22.5");
        assertThat(artifact.extension()).isEqualTo("tar.gz");
    }

    @Test
    void extensionAndClassifierCanBeGiven() {
        MavenSdkArtifact artifact =
                MavenSdkArtifact.parse("com.example.go:go-sdk:1.23.1:zip:windows-amd64", LINUX_ARM64, null, null, null);
        assertThat(artifact.coordinates()).isEqualTo("com.example.go:go-sdk:1.23.1:zip:windows-amd64");
        assertThat(artifact.extension()).isEqualTo("zip");
    }

    @Test
    void coordinatesThatAreNotGavSayHowTheyShouldLook() {
        for (String wrong : new String[] {"go-sdk:1.22.5", "com.example.go::1.22.5", "a:b:c:d:e:f"}) {
            assertThatThrownBy(() -> MavenSdkArtifact.parse(wrong, LINUX_ARM64, null, null, null))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(
                            "<sdkArtifact> (go.sdkArtifact) '" + wrong + "' is not groupId:artifactId:version"
                                    + "[:extension[:classifier]]; for example com.example.go:go-sdk:1.22.5:tar.gz:linux-amd64.");
        }
    }

    @Test
    void anotherArchiveThanTheSdkIsNamedByItsOwnParameter() {
        MavenSdkArtifact.Parameter envtest = new MavenSdkArtifact.Parameter(
                "<envtest><artifact>", "envtest.artifact", "envtest archive", "io.k8s:envtest:1.31.0");
        assertThatThrownBy(() -> MavenSdkArtifact.parse("envtest:1.31.0", envtest, LINUX_ARM64, null, null, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<envtest><artifact> 'envtest:1.31.0' is not groupId:artifactId:version"
                        + "[:extension[:classifier]]; for example io.k8s:envtest:1.31.0.");
        MavenSdkArtifact artifact =
                MavenSdkArtifact.parse("io.k8s:envtest:1.31.0", envtest, LINUX_ARM64, null, null, null);
        assertThat(artifact.coordinates()).isEqualTo("io.k8s:envtest:1.31.0:tar.gz:linux-arm64");
        assertThat(artifact.goVersion()).isEqualTo("1.31.0");
    }
}
