package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.net.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {
    @TempDir
    Path temp;

    @Test
    void dockerHubsLoginIsFoundUnderItsHistoricalUrlAndOtherRegistriesUnderTheirHost() {
        List<String> keys = List.of("https://index.docker.io/v1/", "https://ghcr.io", "registry.example.com:5000");

        assertThat(DockerCredentials.keyOf("docker.io", keys)).contains("https://index.docker.io/v1/");
        assertThat(DockerCredentials.keyOf("ghcr.io", keys)).contains("https://ghcr.io");
        assertThat(DockerCredentials.keyOf("registry.example.com:5000", keys)).contains("registry.example.com:5000");
        assertThat(DockerCredentials.keyOf("registry.example.com", keys)).isEmpty();
    }

    @Test
    void aCredentialsStoreThatIsNotInstalledLeavesTheLoginInTheFileAndTheFirstFileWithOneWins() throws IOException {
        Path podman =
                Files.writeString(temp.resolve("auth.json"), "{\"auths\": {\"quay.io\": {\"auth\": \"cG9kOnB3\"}}}");
        Path docker = Files.writeString(
                temp.resolve("config.json"),
                "{\"credsStore\": \"not-installed\", \"auths\": {\"ghcr.io\": {\"auth\": \"Y2k6c2VjcmV0\"}}}");
        DockerCredentials credentials = new DockerCredentials(List.of(podman, docker), List.of(temp));

        assertThat(credentials.find("ghcr.io"))
                .map(login -> login.username() + ":" + login.password())
                .contains("ci:secret");
        assertThat(credentials.find("quay.io")).map(Credentials::username).contains("pod");
        assertThat(credentials.find("docker.io")).isEqualTo(Optional.empty());
    }
}
