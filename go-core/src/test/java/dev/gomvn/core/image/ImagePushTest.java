package dev.gomvn.core.image;

import static dev.gomvn.core.image.ImageTestSupport.assemble;
import static dev.gomvn.core.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.binary.BinaryInspector;
import dev.gomvn.core.net.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real registry on 127.0.0.1 and reads the result back through the registry API, as a puller would. */
class ImagePushTest {
    @TempDir
    Path temp;

    private RegistryAccess access(Optional<Credentials> credentials, boolean insecure) {
        return new RegistryAccess(
                registry -> new RegistryLogin(registry, credentials), insecure, temp.resolve("cache"), false);
    }

    @Test
    void thePushedIndexHasEachPlatformWithItsBinaryAndARepeatedPushUploadsNothing() throws IOException {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/operator", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"),
                    BaseImage.scratch(),
                    settings(Optional.of(target)),
                    "linux_amd64/manager",
                    "linux_arm64/manager",
                    "linux_arm_7/manager");
            ImageTestSupport.Lines log = new ImageTestSupport.Lines();
            ImagePusher pusher = new ImagePusher(log);

            ImagePusher.PushResult first = pusher.push(
                    OciLayout.open(image.layout(), "test"),
                    target,
                    List.of("1.0.0", "latest"),
                    access(Optional.empty(), true));

            assertThat(first.digest()).isEqualTo(image.digest());
            assertThat(first.uploaded()).isEqualTo(6); // a config and a layer per platform
            HttpResponse<byte[]> index = registry.get("/v2/acme/operator/manifests/1.0.0", MediaTypes.INDEX);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Docker-Content-Digest")).contains(image.digest());
            assertThat(registry.get("/v2/acme/operator/manifests/latest", MediaTypes.INDEX)
                            .headers()
                            .firstValue("Docker-Content-Digest"))
                    .contains(image.digest());
            JsonObject indexJson = OciJson.parse(index.body(), "index");
            List<String> platforms = indexJson.getAsJsonArray("manifests").asList().stream()
                    .map(entry -> ImagePlatform.fromJson(entry.getAsJsonObject().getAsJsonObject("platform"))
                            .toString())
                    .toList();
            assertThat(platforms).containsExactly("linux/amd64", "linux/arm64", "linux/arm/v7");
            for (var entry : indexJson.getAsJsonArray("manifests")) {
                OciDescriptor descriptor = OciDescriptor.fromJson(entry.getAsJsonObject());
                JsonObject manifest = OciJson.parse(
                        registry.get("/v2/acme/operator/manifests/" + descriptor.digest(), MediaTypes.MANIFEST)
                                .body(),
                        "manifest");
                JsonObject config = OciJson.parse(
                        registry.get(
                                        "/v2/acme/operator/blobs/"
                                                + manifest.getAsJsonObject("config")
                                                        .get("digest")
                                                        .getAsString(),
                                        "*/*")
                                .body(),
                        "config");
                ImagePlatform platform = descriptor.platform().orElseThrow();
                assertThat(config.get("architecture").getAsString()).isEqualTo(platform.architecture());
                assertThat(config.get("os").getAsString()).isEqualTo("linux");
                String layerDigest = manifest.getAsJsonArray("layers")
                        .get(0)
                        .getAsJsonObject()
                        .get("digest")
                        .getAsString();
                byte[] layer = registry.get("/v2/acme/operator/blobs/" + layerDigest, "*/*")
                        .body();
                byte[] binary = ImageTestSupport.layerEntries(new ByteArrayInputStream(layer))
                        .get("usr/local/bin/manager")
                        .content();
                Path extracted = temp.resolve("extracted-" + platform.architecture());
                Files.write(extracted, binary);
                assertThat(BinaryInspector.inspect(extracted).goarch()).isEqualTo(platform.architecture());
            }

            ImagePusher.PushResult again = pusher.push(
                    OciLayout.open(image.layout(), "test"), target, List.of("1.0.0"), access(Optional.empty(), true));

            assertThat(again.digest()).isEqualTo(first.digest());
            assertThat(again.uploaded()).isZero();
            assertThat(again.present()).isEqualTo(6);
            assertThat(log.lines)
                    .last()
                    .asString()
                    .isEqualTo("Pushed " + target.name() + "@" + image.digest()
                            + " (3 platforms) tagged 1.0.0: 0 of 6 blobs uploaded, 0 mounted, 6 already there");
        }
    }

    @Test
    void aBaseFromTheRegistryIsPickedPerPlatformAndItsLayersAreMountedNotUploaded() {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference baseReference =
                    ImageReference.parse(registry.host + "/base/static:1", "<image>", "go.image");
            AssembledImage base =
                    assemble(temp.resolve("base"), BaseImage.scratch(), settings(), "linux_amd64/sh", "linux_arm64/sh");
            new ImagePusher(new ImageTestSupport.Lines())
                    .push(
                            OciLayout.open(base.layout(), "test"),
                            baseReference,
                            List.of("1"),
                            access(Optional.empty(), true));

            ImageReference target = ImageReference.parse(registry.host + "/acme/operator", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"),
                    BaseImage.from(baseReference.toString(), access(Optional.empty(), true)),
                    settings(Optional.of(target)),
                    "linux_amd64/manager",
                    "linux_arm64/manager");
            ImagePusher.PushResult pushed = new ImagePusher(new ImageTestSupport.Lines())
                    .push(
                            OciLayout.open(image.layout(), "test"),
                            target,
                            List.of("1.0.0"),
                            access(Optional.empty(), true));

            assertThat(pushed.mounted()).isEqualTo(2);
            assertThat(pushed.uploaded()).isEqualTo(4);
            JsonObject manifest = OciJson.parse(
                    registry.get(
                                    "/v2/acme/operator/manifests/"
                                            + image.manifests().get(0).digest(),
                                    MediaTypes.MANIFEST)
                            .body(),
                    "m");
            assertThat(manifest.getAsJsonObject("annotations")
                            .get("org.opencontainers.image.base.name")
                            .getAsString())
                    .isEqualTo(baseReference.toString());
            assertThat(manifest.getAsJsonObject("annotations")
                            .get("org.opencontainers.image.base.digest")
                            .getAsString())
                    .isEqualTo(base.digest());

            // Offline, the base comes from the cache the first build filled.
            RegistryAccess offline =
                    new RegistryAccess(r -> new RegistryLogin(r, Optional.empty()), true, temp.resolve("cache"), true);
            AssembledImage again = assemble(
                    temp.resolve("offline"),
                    BaseImage.from(baseReference.toString(), offline),
                    settings(Optional.of(target)),
                    "linux_amd64/manager",
                    "linux_arm64/manager");
            assertThat(again.digest()).isEqualTo(image.digest());
        }
    }

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
            RegistryAccess fromDockerConfig = new RegistryAccess(
                    host -> new RegistryLogin(
                            host,
                            Optional.empty(),
                            RegistryAuthFiles.of(Map.of("DOCKER_CONFIG", dockerConfig.toString()), temp)),
                    true,
                    temp.resolve("cache"),
                    false);

            ImagePusher.PushResult pushed = new ImagePusher(new ImageTestSupport.Lines())
                    .push(OciLayout.open(image.layout(), "test"), target, List.of("1.0.0"), fromDockerConfig);

            assertThat(pushed.digest()).isEqualTo(image.digest());
        }
    }

    @Test
    void aRefusedLoginNamesTheRegistryAndTheServerIdToSet() {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), true)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/operator", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"), BaseImage.scratch(), settings(Optional.of(target)), "linux_amd64/manager");
            ImagePusher pusher = new ImagePusher(new ImageTestSupport.Lines());
            OciLayout layout = OciLayout.open(image.layout(), "test");

            assertThatThrownBy(() -> pusher.push(
                            layout,
                            target,
                            List.of("1.0.0"),
                            access(Optional.of(new Credentials(registry.host, "ci", "wrong-password")), true)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("The registry " + registry.host + " refused to check blob ")
                    .hasMessageContaining("(HTTP 401 Unauthorized) with the login from <server> " + registry.host
                            + " (user ci); put a <username> and"
                            + " <password> allowed to push there into the settings.xml <server> with <id>"
                            + registry.host + "</id>")
                    .hasMessageNotContaining("wrong-password");

            ImagePusher.PushResult pushed = pusher.push(
                    layout,
                    target,
                    List.of("1.0.0"),
                    access(
                            Optional.of(new Credentials(registry.host, TestRegistry.USER, TestRegistry.PASSWORD)),
                            true));
            assertThat(pushed.uploaded()).isEqualTo(2);
            assertThat(registry.get("/v2/acme/operator/manifests/1.0.0", MediaTypes.INDEX)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anUnreachableRegistryFailsBeforeAnythingIsWritten() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        ImageReference target = ImageReference.parse("127.0.0.1:" + port + "/acme/operator", "<image>", "go.image");
        AssembledImage image = assemble(
                temp.resolve("build"), BaseImage.scratch(), settings(Optional.of(target)), "linux_amd64/manager");

        assertThatThrownBy(() -> new ImagePusher(new ImageTestSupport.Lines())
                        .push(
                                OciLayout.open(image.layout(), "test"),
                                target,
                                List.of("1.0.0"),
                                access(Optional.empty(), true)))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("Could not reach the registry 127.0.0.1:" + port + " to check blob ")
                .hasMessageContaining("nothing answers there");
    }

    @Test
    void aPlainHttpRegistryNeedsTheInsecureOptIn() {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/operator", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"), BaseImage.scratch(), settings(Optional.of(target)), "linux_amd64/manager");

            assertThatThrownBy(() -> new ImagePusher(new ImageTestSupport.Lines())
                            .push(
                                    OciLayout.open(image.layout(), "test"),
                                    target,
                                    List.of("1.0.0"),
                                    access(Optional.empty(), false)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("The registry " + registry.host + " did not answer over HTTPS (")
                    .hasMessageEndingWith(
                            "if it is a plain-http registry you trust, set <allowInsecureRegistries>true</allowInsecureRegistries> (go.image.allowInsecureRegistries).");
        }
    }
}
