package dev.gomvn.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.gomod.ModuleHash;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

public class BinarySbomTest {
    /** {@code go version -m} of a linux/arm64 binary built from ./cmd/tool with two proxy modules and two replaces. */
    static final String BUILD_INFO = String.join(
            "\n",
            "target/go/bin/linux_arm64/tool: go1.26.8",
            "\tpath\texample.com/sbomt/cmd/tool",
            "\tmod\texample.com/sbomt\t(devel)\t",
            "\tdep\texample.com/local\tv0.0.0",
            "\t=>\t./local\t(devel)\t",
            "\t",
            "\tdep\tgithub.com/google/uuid\tv1.6.0\th1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
            "\tdep\tgolang.org/x/sync\tv0.10.0",
            "\t=>\tgolang.org/x/sync\tv0.9.0\th1:fEo0HyrW1GIgZdpbhCRO0PkJajUS5H9IFUztCgEo2jQ=",
            "\t",
            "\tbuild\t-buildmode=exe",
            "\tbuild\t-compiler=gc",
            "\tbuild\t-ldflags=\"-s -w\"",
            "\tbuild\t-tags=netgo,osusergo",
            "\tbuild\t-trimpath=true",
            "\tbuild\tCGO_ENABLED=0",
            "\tbuild\tGOARCH=arm64",
            "\tbuild\tGOOS=linux",
            "\tbuild\tGOARM64=v8.0",
            "");

    static final String SHA256 = "a".repeat(64);
    static final SbomSettings NO_TIMESTAMP = new SbomSettings(Optional.empty(), "");

    static JsonObject document(SbomSettings settings) {
        String json = SbomWriter.toJson(BinarySbom.of(GoBuildInfo.parse(BUILD_INFO), "tool", SHA256, settings));
        assertValidCycloneDx(json);
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** What Dependency-Track and every CycloneDX tool rely on: the document validates against the schema. */
    public static void assertValidCycloneDx(String json) {
        try {
            assertThat(new org.cyclonedx.parsers.JsonParser().validate(json, org.cyclonedx.Version.VERSION_16))
                    .as("CycloneDX %s schema problems", SbomWriter.SPEC)
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyLinkedModuleIsAComponentWithItsVersionPurlAndH1SumAsSha256() {
        JsonArray components = document(NO_TIMESTAMP).getAsJsonArray("components");
        assertThat(StreamSupport.stream(components.spliterator(), false).map(JsonObject.class::cast))
                .extracting(
                        c -> c.get("name").getAsString(),
                        c -> c.get("version").getAsString(),
                        c -> c.get("purl").getAsString())
                .containsExactly(
                        // A directory replacement and a version replacement are listed as what is linked.
                        tuple("./local", "(devel)", "pkg:golang/./local@(devel)?goarch=arm64&goos=linux&type=module"),
                        tuple(
                                "github.com/google/uuid",
                                "v1.6.0",
                                "pkg:golang/github.com/google/uuid@v1.6.0?goarch=arm64&goos=linux&type=module"),
                        tuple(
                                "golang.org/x/sync",
                                "v0.9.0",
                                "pkg:golang/golang.org/x/sync@v0.9.0?goarch=arm64&goos=linux&type=module"),
                        tuple("std", "go1.26.8", "pkg:golang/std@go1.26.8?goarch=arm64&goos=linux&type=module"));
        JsonObject uuid = components.get(1).getAsJsonObject();
        assertThat(uuid.get("bom-ref").getAsString()).isEqualTo("pkg:golang/github.com/google/uuid@v1.6.0?type=module");
        assertThat(uuid.get("scope").getAsString()).isEqualTo("required");
        JsonObject hash = uuid.getAsJsonArray("hashes").get(0).getAsJsonObject();
        assertThat(hash.get("alg").getAsString()).isEqualTo("SHA-256");
        assertThat(hash.get("content").getAsString())
                .isEqualTo("348bda24330eb231c0f27d630212d2833ac0cf2d4782bfa136b6f9edefbde05d");
        assertThat(uuid.getAsJsonArray("externalReferences")
                        .get(0)
                        .getAsJsonObject()
                        .get("url")
                        .getAsString())
                .isEqualTo("https://github.com/google/uuid");
        JsonObject sync = components.get(2).getAsJsonObject();
        assertThat(sync.getAsJsonArray("properties")
                        .get(0)
                        .getAsJsonObject()
                        .get("value")
                        .getAsString())
                .isEqualTo("golang.org/x/sync@v0.10.0");
        assertThat(components.get(0).getAsJsonObject().has("hashes")).isFalse();
    }

    @Test
    void h1SumIsTheHexOfItsBase64Sha256() {
        assertThat(ModuleHash.hex("h1:fEo0HyrW1GIgZdpbhCRO0PkJajUS5H9IFUztCgEo2jQ="))
                .isEqualTo("7c4a341f2ad6d4622065da5b84244ed0f9096a3512e47f48154ced0a0128da34");
    }

    @Test
    void theMainModuleIsTheApplicationWithTheMainPackageAsPurlSubpathAndTheProjectVersionForDevel() {
        JsonObject main = document(new SbomSettings(Optional.empty(), "1.4.0"))
                .getAsJsonObject("metadata")
                .getAsJsonObject("component");
        assertThat(main.get("type").getAsString()).isEqualTo("application");
        assertThat(main.get("name").getAsString()).isEqualTo("example.com/sbomt");
        assertThat(main.get("version").getAsString()).isEqualTo("1.4.0");
        assertThat(main.get("purl").getAsString())
                .isEqualTo("pkg:golang/example.com/sbomt@1.4.0?goarch=arm64&goos=linux&type=module#cmd/tool");
        JsonObject withoutVersion =
                document(NO_TIMESTAMP).getAsJsonObject("metadata").getAsJsonObject("component");
        assertThat(withoutVersion.has("version")).isFalse();
        assertThat(withoutVersion.get("purl").getAsString())
                .isEqualTo("pkg:golang/example.com/sbomt?goarch=arm64&goos=linux&type=module#cmd/tool");
    }

    @Test
    void theToolchainAndBuildSettingsAreProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        document(NO_TIMESTAMP)
                .getAsJsonObject("metadata")
                .getAsJsonArray("properties")
                .forEach(p -> properties.merge(
                        p.getAsJsonObject().get("name").getAsString(),
                        p.getAsJsonObject().get("value").getAsString(),
                        (a, b) -> a + "," + b));
        assertThat(properties)
                .containsEntry("cdx:gomod:binary:name", "tool")
                .containsEntry("cdx:gomod:binary:hash:SHA-256", SHA256)
                .containsEntry("cdx:gomod:build:env:GOVERSION", "go1.26.8")
                .containsEntry("cdx:gomod:build:env:GOOS", "linux")
                .containsEntry("cdx:gomod:build:env:GOARCH", "arm64")
                .containsEntry("cdx:gomod:build:env:GOARM64", "v8.0")
                .containsEntry("cdx:gomod:build:env:CGO_ENABLED", "0")
                .containsEntry("cdx:gomod:build:tag", "netgo,osusergo")
                .containsEntry("cdx:gomod:build:compiler", "gc")
                .containsEntry("gomvn:build:-trimpath", "true")
                .containsEntry("gomvn:build:-ldflags", "-s -w")
                .containsEntry("gomvn:build:-buildmode", "exe");
    }

    @Test
    void theMainComponentDependsOnEveryModuleAndOnlyThatIsComplete() {
        JsonObject document = document(NO_TIMESTAMP);
        JsonObject root = document.getAsJsonArray("dependencies").get(0).getAsJsonObject();
        assertThat(root.get("ref").getAsString()).isEqualTo("pkg:golang/example.com/sbomt?type=module#cmd/tool");
        assertThat(root.getAsJsonArray("dependsOn")).hasSize(4);
        assertThat(document.getAsJsonArray("compositions")
                        .get(0)
                        .getAsJsonObject()
                        .get("aggregate")
                        .getAsString())
                .isEqualTo("complete");
    }

    @Test
    void theSameBinaryGivesTheSameBytesWithASerialNumberFromItsDigestAndTheConfiguredTimestamp() {
        SbomSettings settings = new SbomSettings(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), "1.0.0");
        String first = SbomWriter.toJson(BinarySbom.of(GoBuildInfo.parse(BUILD_INFO), "tool", SHA256, settings));
        String second = SbomWriter.toJson(BinarySbom.of(GoBuildInfo.parse(BUILD_INFO), "tool", SHA256, settings));
        assertThat(first).isEqualTo(second);
        JsonObject document = JsonParser.parseString(first).getAsJsonObject();
        assertThat(document.get("specVersion").getAsString()).isEqualTo("1.6");
        assertThat(document.get("serialNumber").getAsString()).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(document.getAsJsonObject("metadata").get("timestamp").getAsString())
                .isEqualTo("2024-05-01T10:00:00Z");
        String otherBinary =
                SbomWriter.toJson(BinarySbom.of(GoBuildInfo.parse(BUILD_INFO), "tool", "b".repeat(64), settings));
        assertThat(JsonParser.parseString(otherBinary)
                        .getAsJsonObject()
                        .get("serialNumber")
                        .getAsString())
                .isNotEqualTo(document.get("serialNumber").getAsString());
        assertThat(document(NO_TIMESTAMP).getAsJsonObject("metadata").has("timestamp"))
                .isFalse();
    }
}
