package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryAuthFilesTest {
    static final Path HOME = Path.of("/home/builder");

    @Test
    void withoutSettingsItIsDockersFileInTheHomeDirectory() {
        assertThat(RegistryAuthFiles.of(Map.of(), HOME)).containsExactly(HOME.resolve(".docker/config.json"));
    }

    @Test
    void dockerConfigMovesDockersFileAndPodmansFilesJoin() {
        assertThat(RegistryAuthFiles.of(
                        Map.of(
                                "DOCKER_CONFIG", "/ci/job-17/docker",
                                "REGISTRY_AUTH_FILE", "/ci/job-17/auth.json",
                                "XDG_RUNTIME_DIR", "/run/user/1000"),
                        HOME))
                .containsExactly(
                        Path.of("/ci/job-17/auth.json"),
                        Path.of("/ci/job-17/docker/config.json"),
                        Path.of("/run/user/1000/containers/auth.json"));
    }
}
