package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.assemble;
import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryInspector;
import dev.gomvn.core.net.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to a real registry on 127.0.0.1 and reads the result back through the registry API, as a puller would. */
class ImagePushTest {
    @TempDir
    Path temp;

    /** A base image of {@code binaries} on scratch, pushed to {@code reference} with tag 1. */
    private AssembledImage pushBase(ImageReference reference, String... binaries) {
        AssembledImage base = assemble(temp.resolve("base"), BaseImage.scratch(), settings(), binaries);
        new ImagePusher(new ImageTestSupport.Lines())
                .push(OciLayout.open(base.layout(), "test"), reference, List.of("1"), access(Optional.empty(), true));
        return base;
    }

    private RegistryAccess access(Optional<Credentials> credentials, boolean insecure) {
        return ImageTestSupport.access(
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
            AssembledImage base = pushBase(baseReference, "linux_amd64/sh", "linux_arm64/sh");

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
            RegistryAccess offline = ImageTestSupport.access(
                    r -> new RegistryLogin(r, Optional.empty()), true, temp.resolve("cache"), true);
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
    void aTagThatResolvesToAnotherImageAfterThePushFailsIt() {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            AssembledImage decoy =
                    assemble(temp.resolve("decoy"), BaseImage.scratch(), settings(), "linux_amd64/other");
            new ImagePusher(new ImageTestSupport.Lines())
                    .push(
                            OciLayout.open(decoy.layout(), "test"),
                            ImageReference.parse(registry.host + "/acme/app", "<image>", "go.image"),
                            List.of("decoy"),
                            access(Optional.empty(), true));
            try (TamperingRegistryProxy proxy = new TamperingRegistryProxy(
                    registry.host, "/v2/acme/app/manifests/1.0", "/v2/acme/app/manifests/decoy")) {
                ImageReference target = ImageReference.parse(proxy.host + "/acme/app", "<image>", "go.image");
                AssembledImage image = assemble(
                        temp.resolve("build"),
                        BaseImage.scratch(),
                        settings(Optional.of(target)),
                        "linux_amd64/manager");
                ImageTestSupport.Lines log = new ImageTestSupport.Lines();

                assertThatThrownBy(() -> new ImagePusher(log)
                                .push(
                                        OciLayout.open(image.layout(), "test"),
                                        target,
                                        List.of("1.0"),
                                        access(Optional.empty(), true)))
                        .isInstanceOf(VerificationException.class)
                        .hasMessage("The registry " + proxy.host
                                + " does not serve the pushed image under the tag 1.0: "
                                + proxy.host + "/acme/app:1.0 resolves to " + decoy.digest() + ", not to the pushed "
                                + image.digest() + ". The image is not published as built; check the registry (and any "
                                + "proxy in front of it) that <image> (go.image) names.");
                assertThat(log.lines).noneMatch(line -> line.startsWith("Pushed "));
            }
        }
    }

    @Test
    void aBaseLayerWithOtherBytesIsRefusedNamingFromAndWhatHappened() throws IOException {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference baseReference =
                    ImageReference.parse(registry.host + "/base/static:1", "<image>", "go.image");
            pushBase(baseReference, "linux_amd64/sh");
            // The registry answers, but with other bytes for the base's layer (gzip data, 1f 8b).
            try (var files = Files.walk(temp.resolve("registry/storage"))) {
                for (Path data : files.filter(f -> f.getFileName().toString().equals("data"))
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(data);
                    if (bytes.length > 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b) {
                        bytes[bytes.length - 1] ^= 1;
                        Files.write(data, bytes);
                    }
                }
            }

            assertThatThrownBy(() -> assemble(
                            temp.resolve("build"),
                            BaseImage.from(baseReference.toString(), access(Optional.empty(), true)),
                            settings(),
                            "linux_amd64/manager"))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageStartingWith("The registry " + registry.host + " answered the request to download blob ")
                    .hasMessageContaining("with other bytes (Digest mismatch")
                    .hasMessageEndingWith("the blob was altered in the registry or on the way, and nothing was stored. "
                            + "Check the image that <from> (go.image.from) names and who can write to that registry.");
            // Neither the altered layer nor a temporary file of it stays in the image cache.
            try (var files = Files.walk(temp.resolve("cache"))) {
                assertThat(files.filter(Files::isRegularFile).toList()).allSatisfy(file -> {
                    assertThat(file.getFileName().toString()).doesNotEndWith(".partial");
                    byte[] head = Files.readAllBytes(file);
                    assertThat(head.length > 1 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b)
                            .as("gzip layer %s in the cache", file)
                            .isFalse();
                });
            }
        }
    }

    @Test
    void fourThreadsPullingOneBaseIntoOneCacheAllGetIt() throws Exception {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference baseReference =
                    ImageReference.parse(registry.host + "/base/static:1", "<image>", "go.image");
            pushBase(baseReference, "linux_amd64/sh", "linux_arm64/sh");

            // As -T 4 with four modules on one base: four builds fill one image cache at once, five times over.
            for (int round = 0; round < 5; round++) {
                Path cache = temp.resolve("cache-" + round);
                RegistryAccess access =
                        ImageTestSupport.access(r -> new RegistryLogin(r, Optional.empty()), true, cache, false);
                ExecutorService threads = Executors.newFixedThreadPool(4);
                try {
                    List<Future<String>> builds = new ArrayList<>();
                    for (int module = 0; module < 4; module++) {
                        Path output = temp.resolve("round-" + round + "-module-" + module);
                        builds.add(threads.submit(() -> assemble(
                                        output,
                                        BaseImage.from(baseReference.toString(), access),
                                        settings(),
                                        "linux_amd64/manager",
                                        "linux_arm64/manager")
                                .digest()));
                    }
                    Set<String> digests = new HashSet<>();
                    for (Future<String> build : builds) {
                        digests.add(build.get());
                    }
                    assertThat(digests).hasSize(1);
                } finally {
                    threads.shutdownNow();
                }
                try (var files = Files.walk(cache)) {
                    assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
                }
            }
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
                    .hasMessageStartingWith("The registry " + registry.host + " refused to check image ")
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
                .hasMessageStartingWith("Could not reach the registry 127.0.0.1:" + port + " to check image ")
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
