package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.gobuild.BuildOptions;
import dev.gomvn.core.gobuild.BuildRequest;
import dev.gomvn.core.gobuild.BuildResult;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.GoBuilder;
import dev.gomvn.core.gobuild.Sha256Sums;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import dev.gomvn.sbom.CycloneDxSbomGenerator;
import dev.gomvn.sbom.SbomSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement of a real build with the Go of this machine: a module that links github.com/google/uuid from the
 * module cache (offline: GOPROXY=off), for two targets, with SBOMs.
 */
class ProvenanceAttachmentTest {
    private static final ProvenanceAttachment.Project PROJECT =
            new ProvenanceAttachment.Project("dev.example", "app", "1.0.0");

    private static Toolchain go;

    @BeforeAll
    static void installedGo() {
        go = new ToolchainResolver(GoLog.SILENT)
                .resolve(ToolchainRequest.builder()
                        .environment(System.getenv())
                        .lockTimeout(Duration.ofMinutes(1))
                        .build());
    }

    /** What {@code go:build} does before it attaches: build, plan, write the statement, then the published list. */
    private record Built(BuildResult result, BinaryAttachments plan, Path statement) {}

    private static Built build(Path module, Optional<Instant> timestamp) throws Exception {
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/app\n\ngo 1.21\n\nrequire github.com/google/uuid v1.6.0\n");
        Files.writeString(
                module.resolve("main.go"),
                "package main\n\nimport \"github.com/google/uuid\"\n\nfunc main() { println(uuid.NewString()) }\n");
        Map<String, String> environment = new TreeMap<>(System.getenv());
        environment.putAll(
                Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off", "GOSUMDB", "off", "CGO_ENABLED", "0", "GOENV", "off"));
        Path target = module.resolve("target");
        BuildRequest request = BuildRequest.builder()
                .moduleDirectory(module)
                .outputDirectory(target.resolve("go/bin"))
                .stateDirectory(target.resolve("go/build-state"))
                .targets(List.of(new BuildTarget("linux", "amd64", null), new BuildTarget("windows", "arm64", null)))
                .packages(List.of("."))
                .defaultName("app")
                .options(BuildOptions.builder()
                        .environment(environment)
                        .linkerVariables(Map.of("main.version", "1.0.0"))
                        .build())
                .outputsToIgnore(List.of(target))
                .sbom(Optional.of(new CycloneDxSbomGenerator(new SbomSettings(timestamp, "1.0.0"))))
                .build();
        BuildResult result = new GoBuilder(go, GoLog.SILENT).build(request);
        Path publishedSums = target.resolve("go/published.sha256sums");
        Path statement = ProvenanceAttachment.file(result.sha256Sums());
        BinaryAttachments plan =
                BinaryAttachments.plan(result.binaries(), 1, publishedSums, Optional.of(statement), "jar");
        ProvenanceAttachment.write(
                result, request, plan, go, PROJECT, "https://ci.example.com/builder", timestamp, GoLog.SILENT);
        Sha256Sums.writeNames(publishedSums, plan.publishedSha256(PROJECT.artifactId(), PROJECT.version()));
        return new Built(result, plan, statement);
    }

    private static JsonObject predicate(Path statement) throws Exception {
        return JsonParser.parseString(Files.readString(statement))
                .getAsJsonObject()
                .getAsJsonObject("predicate");
    }

    @Test
    void everySubjectIsAFileAsPublishedWithItsRealSha256(@TempDir Path module) throws Exception {
        Built built = build(module, Optional.empty());

        Map<String, String> expected = new HashMap<>();
        for (BinaryAttachments.Attachment attachment : built.plan().attachments()) {
            if (!attachment.classifier().equals(ProvenanceAttachment.CLASSIFIER)
                    && !attachment.classifier().equals("sha256sums")) {
                expected.put(attachment.publishedName("app", "1.0.0"), Sha256.of(attachment.file()));
            }
        }
        expected.put("SHA256SUMS", Sha256.of(built.result().sha256Sums()));
        Map<String, String> subjects = new HashMap<>();
        JsonParser.parseString(Files.readString(built.statement()))
                .getAsJsonObject()
                .getAsJsonArray("subject")
                .forEach(subject -> subjects.put(
                        subject.getAsJsonObject().get("name").getAsString(),
                        subject.getAsJsonObject()
                                .getAsJsonObject("digest")
                                .get("sha256")
                                .getAsString()));

        assertThat(subjects)
                .isEqualTo(expected)
                .containsKeys(
                        "app-1.0.0-linux-amd64.bin",
                        "app-1.0.0-linux-amd64-cyclonedx.json",
                        "app-1.0.0-windows-arm64.exe",
                        "SHA256SUMS")
                .doesNotContainKey("app-1.0.0-sha256sums.txt");
        // The published list names the statement instead: a signature of the list covers it.
        assertThat(Files.readString(built.plan().checksumList()))
                .contains(Sha256.of(built.statement()) + "  app-1.0.0-provenance.intoto.json");
    }

    @Test
    void theLinkedModuleHasTheDirHashOfItsGoSumLineAndTheLocalGoNoDigest(@TempDir Path module) throws Exception {
        Built built = build(module, Optional.empty());

        String h1 = Files.readAllLines(module.resolve("go.sum")).stream()
                .filter(line -> line.startsWith("github.com/google/uuid v1.6.0 h1:"))
                .findFirst()
                .orElseThrow()
                .split(" ")[2];
        Map<String, JsonObject> byUri = new HashMap<>();
        JsonObject definition = predicate(built.statement()).getAsJsonObject("buildDefinition");
        for (JsonElement dependency : definition.getAsJsonArray("resolvedDependencies")) {
            JsonObject descriptor = dependency.getAsJsonObject();
            byUri.put(descriptor.has("uri") ? descriptor.get("uri").getAsString() : "", descriptor);
        }
        assertThat(byUri.get("pkg:golang/github.com/google/uuid@v1.6.0")
                        .getAsJsonObject("digest")
                        .get("dirHash")
                        .getAsString())
                .isEqualTo(HexFormat.of().formatHex(Base64.getDecoder().decode(h1.substring(3))));
        String goVersion = go.version().withGoPrefix();
        JsonObject sdk = byUri.get(go.goRoot().toUri().toString());
        assertThat(sdk.get("name").getAsString()).isEqualTo(goVersion);
        assertThat(sdk.has("digest")).as("nobody checked a local Go's archive").isFalse();
        assertThat(byUri.keySet())
                .as("the module directory is in no git work tree")
                .noneMatch(uri -> uri.startsWith("git+"));
        JsonObject parameters = definition.getAsJsonObject("externalParameters");
        assertThat(parameters.getAsJsonArray("targets").toString()).isEqualTo("[\"linux/amd64\",\"windows/arm64\"]");
        assertThat(parameters
                        .getAsJsonObject("linkerVariables")
                        .get("main.version")
                        .getAsString())
                .isEqualTo("1.0.0");
        assertThat(parameters.get("goVersion").getAsString()).isEqualTo(goVersion);
        assertThat(predicate(built.statement())
                        .getAsJsonObject("runDetails")
                        .getAsJsonObject("builder")
                        .get("id")
                        .getAsString())
                .isEqualTo("https://ci.example.com/builder");
    }

    @Test
    void anUnchangedBuildWritesTheSameBytesWithItsReproducibleTime(@TempDir Path module) throws Exception {
        Optional<Instant> time = Optional.of(Instant.parse("2024-05-01T12:00:00Z"));
        String first = Files.readString(build(module, time).statement());
        String second = Files.readString(build(module, time).statement());

        assertThat(second).isEqualTo(first).contains("\"startedOn\": \"2024-05-01T12:00:00Z\"");
    }
}
