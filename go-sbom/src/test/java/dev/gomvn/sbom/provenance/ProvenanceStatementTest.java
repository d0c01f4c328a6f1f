package dev.gomvn.sbom.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.sbom.JsonFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceStatementTest {
    private static final ProvenanceSchemas SCHEMAS = new ProvenanceSchemas();
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    /** go.sum's h1 of golang.org/x/sync v0.10.0, and the same 32 bytes in hex. */
    private static final String SYNC_H1 = "h1:fEo0HyrW1GIgZdpbhCRO0PkJajUS5H9IFUztCgEo2jQ=";

    private static final String SYNC_HEX = "7c4a341f2ad6d4622065da5b84244ed0f9096a3512e47f48154ced0a0128da34";

    static ProvenanceInput input(
            List<ProvenanceInput.Subject> subjects,
            ProvenanceInput.GoSdk sdk,
            Optional<ProvenanceInput.SourceCommit> source,
            Optional<Instant> timestamp) {
        return new ProvenanceInput(
                subjects,
                new ProvenanceInput.Parameters(
                        "dev.example",
                        "app",
                        "1.0.0",
                        List.of("linux/amd64", "linux/arm64@musl"),
                        List.of("."),
                        Map.of("main.version", "1.0.0", "main.commit", "abc"),
                        "netgo",
                        true,
                        "false",
                        false,
                        "",
                        "",
                        "go1.24.2"),
                sdk,
                List.of(
                        new ProvenanceInput.GoModule("golang.org/x/sync", "v0.10.0", SYNC_H1),
                        new ProvenanceInput.GoModule("example.com/local", "", ""),
                        new ProvenanceInput.GoModule("golang.org/x/sync", "v0.10.0", SYNC_H1)),
                source,
                "https://gomvn.dev/builders/maven-local",
                timestamp);
    }

    static ProvenanceInput full() {
        return input(
                List.of(
                        new ProvenanceInput.Subject("app-1.0.0-linux-amd64.bin", SHA_A),
                        new ProvenanceInput.Subject("SHA256SUMS", SHA_B)),
                new ProvenanceInput.VerifiedSdk(
                        "go1.24.2", "go1.24.2.linux-amd64.tar.gz", SHA_B, "https://go.dev/dl/?mode=json"),
                Optional.of(new ProvenanceInput.SourceCommit("git+https://example.com/app.git", "c".repeat(40))),
                Optional.of(Instant.parse("2024-05-01T12:00:00.500Z")));
    }

    @Test
    void aStatementWithEveryPartIsAValidInTotoStatementOfSlsaProvenance() {
        String json = JsonFile.toJson(ProvenanceStatement.of(full()));
        assertThat(SCHEMAS.problems(json)).isEmpty();
        JsonObject statement = JsonParser.parseString(json).getAsJsonObject();
        assertThat(statement.get("predicateType").getAsString()).isEqualTo("https://slsa.dev/provenance/v1");
        JsonObject predicate = statement.getAsJsonObject("predicate");
        assertThat(predicate
                        .getAsJsonObject("runDetails")
                        .getAsJsonObject("metadata")
                        .get("startedOn")
                        .getAsString())
                .isEqualTo("2024-05-01T12:00:00Z");
        assertThat(predicate.getAsJsonObject("buildDefinition").get("buildType").getAsString())
                .isEqualTo(ProvenanceStatement.BUILD_TYPE);
    }

    @Test
    void aLocalGoWithoutSourceOrTimestampIsValidTooAndClaimsNoDigestNobodyChecked() {
        ProvenanceInput input = input(
                List.of(new ProvenanceInput.Subject("app-1.0.0-linux-amd64.bin", SHA_A)),
                new ProvenanceInput.LocalSdk("go1.24.2", Path.of("/usr/local/go")),
                Optional.empty(),
                Optional.empty());
        String json = JsonFile.toJson(ProvenanceStatement.of(input));
        assertThat(SCHEMAS.problems(json)).isEmpty();
        JsonObject predicate = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("predicate");
        assertThat(predicate.getAsJsonObject("runDetails").has("metadata")).isFalse();
        JsonObject sdk = predicate
                .getAsJsonObject("buildDefinition")
                .getAsJsonArray("resolvedDependencies")
                .get(0)
                .getAsJsonObject();
        assertThat(sdk.get("name").getAsString()).isEqualTo("go1.24.2");
        assertThat(sdk.get("uri").getAsString()).startsWith("file:/").contains("/usr/local/go");
        assertThat(sdk.has("digest")).isFalse();
    }

    @Test
    void theSchemasRefuseWhatTheSpecificationsForbid() {
        JsonObject statement = ProvenanceStatement.of(full());
        JsonObject noDigest = statement.deepCopy();
        noDigest.getAsJsonArray("subject").get(0).getAsJsonObject().remove("digest");
        JsonObject oldType = statement.deepCopy();
        oldType.addProperty("_type", "https://in-toto.io/Statement/v0.1");
        JsonObject noBuilder = statement.deepCopy();
        noBuilder.getAsJsonObject("predicate").getAsJsonObject("runDetails").remove("builder");
        JsonObject upperHex = statement.deepCopy();
        upperHex.getAsJsonArray("subject")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("digest")
                .addProperty("sha256", "A".repeat(64));
        JsonObject misspelt = statement.deepCopy();
        misspelt.getAsJsonObject("predicate").add("buildDefiniton", new JsonObject());
        for (JsonObject broken : List.of(noDigest, oldType, noBuilder, upperHex, misspelt)) {
            assertThat(SCHEMAS.problems(JsonFile.toJson(broken)))
                    .as(broken.toString())
                    .isNotEmpty();
        }
    }

    @Test
    void aModuleIsItsPurlWithItsGoSumHashAsDirHashOnceHoweverManyBinariesLinkIt() {
        List<JsonElement> dependencies = new ArrayList<>();
        ProvenanceStatement.of(full())
                .getAsJsonObject("predicate")
                .getAsJsonObject("buildDefinition")
                .getAsJsonArray("resolvedDependencies")
                .forEach(dependencies::add);
        assertThat(dependencies)
                .extracting(element -> element.getAsJsonObject().has("uri")
                        ? element.getAsJsonObject().get("uri").getAsString()
                        : element.getAsJsonObject().get("name").getAsString())
                .containsExactly(
                        "git+https://example.com/app.git",
                        "go1.24.2.linux-amd64.tar.gz",
                        "pkg:golang/example.com/local",
                        "pkg:golang/golang.org/x/sync@v0.10.0");
        assertThat(dependencies
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("digest")
                        .get("gitCommit")
                        .getAsString())
                .isEqualTo("c".repeat(40));
        assertThat(dependencies
                        .get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("digest")
                        .get("sha256")
                        .getAsString())
                .isEqualTo(SHA_B);
        assertThat(dependencies.get(2).getAsJsonObject().has("digest")).isFalse();
        assertThat(dependencies
                        .get(3)
                        .getAsJsonObject()
                        .getAsJsonObject("digest")
                        .get("dirHash")
                        .getAsString())
                .isEqualTo(SYNC_HEX);
    }

    @Test
    void theSameInputsGiveTheSameBytesWhateverTheOrderOfSubjectsAndVariables() {
        ProvenanceInput input = full();
        List<ProvenanceInput.Subject> reversed = new ArrayList<>(input.subjects());
        Collections.reverse(reversed);
        ProvenanceInput reordered = new ProvenanceInput(
                reversed,
                input.parameters(),
                input.sdk(),
                input.modules(),
                input.source(),
                input.builderId(),
                input.timestamp());
        assertThat(JsonFile.toJson(ProvenanceStatement.of(reordered)))
                .isEqualTo(JsonFile.toJson(ProvenanceStatement.of(input)))
                .isEqualTo(JsonFile.toJson(ProvenanceStatement.of(full())));
    }

    @Test
    void anUnchangedStatementIsNotRewritten(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("provenance.intoto.json");
        ProvenanceStatement.write(full(), file);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);
        ProvenanceStatement.write(full(), file);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(Files.readString(file)).isEqualTo(JsonFile.toJson(ProvenanceStatement.of(full())));
    }
}
