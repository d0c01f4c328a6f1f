package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.assemble;
import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SBOMs and provenance attached to a pushed image as OCI referrers, with and without the registry's referrers API. */
class ImageReferrersTest {
    static final String PROVENANCE = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[],"
            + "\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"buildDefinition\":{}}}";

    @TempDir
    Path temp;

    private RegistryAccess access() {
        return ImageTestSupport.access(
                registry -> new RegistryLogin(registry, Optional.empty()), true, temp.resolve("cache"), false);
    }

    private AssembledImage twoPlatformImage(ImageReference target) {
        return assemble(
                temp.resolve("build"),
                BaseImage.scratch(),
                settings(Optional.of(target)),
                "linux_amd64/app",
                "linux_arm64/app");
    }

    /** An image of two platforms whose binaries have SBOMs beside them, and a provenance; returns the documents. */
    private List<ImageReferrers.Document> documents(ImageReference target, AssembledImage image) throws IOException {
        Path bin = temp.resolve("build/bin");
        for (String directory : List.of("linux_amd64", "linux_arm64")) {
            Files.writeString(bin.resolve(directory + "/app.cdx.json"), "{\"sbom\":\"" + directory + "\"}");
        }
        Files.writeString(bin.resolve("provenance.intoto.json"), PROVENANCE);
        return ImageReferrers.of(
                OciLayout.open(image.layout(), "test"),
                image.digest(),
                TargetBinaries.read(bin),
                bin.resolve("provenance.intoto.json"),
                target);
    }

    @Test
    void withoutAReferrersApiEachDocumentIsListedOnceUnderItsSubjectsTagWithItsBytes() throws IOException {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/app", "<image>", "go.image");
            AssembledImage image = twoPlatformImage(target);
            new ImagePusher(new ImageTestSupport.Lines())
                    .push(OciLayout.open(image.layout(), "test"), target, List.of("1"), access());
            List<ImageReferrers.Document> documents = documents(target, image);
            ImageTestSupport.Lines log = new ImageTestSupport.Lines();

            new ImageReferrers(target, access(), log).attach(image.digest(), documents);
            new ImageReferrers(target, access(), log).attach(image.digest(), documents);

            assertThat(log.lines.get(0))
                    .isEqualTo("Attached to " + target.name() + "@" + image.digest() + " as OCI referrers: the"
                            + " provenance (application/vnd.in-toto+json, about the index) and 2 CycloneDX SBOMs"
                            + " (application/vnd.cyclonedx+json, each about its platform's manifest); the registry"
                            + " has no referrers API, so they are listed under the tag sha256-<subject>");
            JsonArray platforms = json(registry, image.digest()).getAsJsonArray("manifests");
            for (int i = 0; i < 2; i++) {
                JsonObject platform = platforms.get(i).getAsJsonObject();
                String architecture =
                        platform.getAsJsonObject("platform").get("architecture").getAsString();
                JsonObject referrer =
                        onlyReferrer(registry, platform.get("digest").getAsString());
                assertThat(referrer.get("artifactType").getAsString()).isEqualTo("application/vnd.cyclonedx+json");
                assertThat(referrer.getAsJsonObject("subject").get("digest")).isEqualTo(platform.get("digest"));
                assertThat(blob(registry, referrer)).isEqualTo("{\"sbom\":\"linux_" + architecture + "\"}");
            }
            JsonObject provenance = onlyReferrer(registry, image.digest());
            assertThat(provenance.get("artifactType").getAsString()).isEqualTo("application/vnd.in-toto+json");
            JsonObject statement = OciJson.parse(
                    blob(registry, provenance).getBytes(StandardCharsets.UTF_8), "the attached statement");
            assertThat(statement
                            .getAsJsonArray("subject")
                            .get(0)
                            .getAsJsonObject()
                            .getAsJsonObject("digest"))
                    .hasToString("{\"sha256\":\"" + image.digest().substring("sha256:".length()) + "\"}");
        }
    }

    @Test
    void aRegistryWithTheReferrersApiGetsTheManifestsAndNoReferrersTag() throws IOException {
        ScriptedServer registry = new ScriptedServer(exchange -> {
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            if (line.startsWith("PUT /v2/acme/app/manifests/sha256:")) {
                exchange.getResponseHeaders().add("OCI-Subject", "sha256:subject");
                ScriptedServer.answer(exchange, 201, "");
            } else {
                ScriptedServer.answer(exchange, line.startsWith("HEAD /v2/acme/app/blobs/") ? 200 : 404, "");
            }
        });
        try (registry) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/app", "<image>", "go.image");
            AssembledImage image = twoPlatformImage(target);
            ImageTestSupport.Lines log = new ImageTestSupport.Lines();

            new ImageReferrers(target, access(), log).attach(image.digest(), documents(target, image));

            assertThat(registry.lines())
                    .filteredOn(line -> line.startsWith("PUT "))
                    .hasSize(3)
                    .allMatch(line -> line.startsWith("PUT /v2/acme/app/manifests/sha256:"));
            assertThat(log.lines.get(0)).endsWith("each about its platform's manifest)");
        }
    }

    @Test
    void aRegistryThatRefusesTheArtifactNamesTheImageAsPushedAndTheParameterThatTurnsReferrersOff() throws IOException {
        ScriptedServer registry = new ScriptedServer(exchange -> {
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            if (line.startsWith("PUT /v2/acme/app/manifests/")) {
                ScriptedServer.answer(
                        exchange, 400, "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"unknown field\"}]}");
            } else {
                ScriptedServer.answer(exchange, line.startsWith("HEAD /v2/acme/app/blobs/") ? 200 : 404, "");
            }
        });
        try (registry) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/app", "<image>", "go.image");
            AssembledImage image = twoPlatformImage(target);
            List<ImageReferrers.Document> documents = documents(target, image);
            ImageReferrers referrers = new ImageReferrers(target, access(), new ImageTestSupport.Lines());

            assertThatThrownBy(() -> referrers.attach(image.digest(), documents))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("MANIFEST_INVALID")
                    .hasMessageContaining("The image " + target.name() + "@" + image.digest() + " is pushed, but "
                            + "provenance.intoto.json could not be attached to it as an OCI referrer; if this "
                            + "registry takes no OCI 1.1 artifacts, set <referrers>false</referrers> "
                            + "(go.image.referrers).");
        }
    }

    private static JsonObject json(TestRegistry registry, String reference) {
        return OciJson.parse(
                registry.get("/v2/acme/app/manifests/" + reference, MediaTypes.INDEX + "," + MediaTypes.MANIFEST)
                        .body(),
                reference);
    }

    /** The one referrer the tag sha256-<hex> of {@code subject} lists, as its manifest. */
    private static JsonObject onlyReferrer(TestRegistry registry, String subject) {
        JsonArray listed = json(registry, subject.replace(':', '-')).getAsJsonArray("manifests");
        assertThat(listed).hasSize(1);
        return json(registry, listed.get(0).getAsJsonObject().get("digest").getAsString());
    }

    private static String blob(TestRegistry registry, JsonObject manifest) {
        String digest = manifest.getAsJsonArray("layers")
                .get(0)
                .getAsJsonObject()
                .get("digest")
                .getAsString();
        return new String(registry.get("/v2/acme/app/blobs/" + digest, "*/*").body(), StandardCharsets.UTF_8);
    }
}
