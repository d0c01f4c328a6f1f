package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.assemble;
import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push logs in with what {@code docker login} wrote when settings.xml has no login. (That it goes through the
 * settings.xml proxy with the proxy's login is IT image-push-proxy's, through Maven's own settings.)
 */
class RegistryAccessTest {
    @TempDir
    Path temp;

    @Test
    void withoutAServerTheLoginComesFromTheDockerConfigurationThatDockerConfigNames() throws IOException {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), true)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/operator", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"), BaseImage.scratch(), settings(Optional.of(target)), "linux_amd64/manager");
            Path dockerConfig = Files.createDirectories(temp.resolve("job-docker-config"));
            String login = Base64.getEncoder()
                    .encodeToString((TestRegistry.USER + ":" + TestRegistry.PASSWORD).getBytes(StandardCharsets.UTF_8));
            Files.writeString(
                    dockerConfig.resolve("config.json"),
                    "{\"auths\": {\"" + registry.host + "\": {\"auth\": \"" + login + "\"}}}");
            RegistryAccess fromDockerConfig = ImageTestSupport.access(
                    host -> new RegistryLogin(
                            host,
                            Optional.empty(),
                            RegistryAuthFiles.of(Map.of("DOCKER_CONFIG", dockerConfig.toString()), temp),
                            List.of()),
                    true,
                    temp.resolve("cache"),
                    false);

            ImagePusher.PushResult pushed = new ImagePusher(new ImageTestSupport.Lines())
                    .push(OciLayout.open(image.layout(), "test"), target, List.of("1.0.0"), fromDockerConfig);

            assertThat(pushed.digest()).isEqualTo(image.digest());
        }
    }
}
