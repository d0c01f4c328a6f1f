package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.assemble;
import static dev.gomvn.image.ImageTestSupport.json;
import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryInspector;
import dev.gomvn.core.gobuild.Sha256Sums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAssemblerTest {
    @TempDir
    Path temp;

    @Test
    void eachLinuxTargetBecomesOnePlatformOfTheIndexWithItsVariant() throws IOException {
        AssembledImage image = assemble(
                temp,
                BaseImage.scratch(),
                settings(),
                "linux_amd64/manager",
                "linux_arm64/manager",
                "linux_arm_7/manager",
                "linux_amd64_v3/manager");

        assertThat(image.platforms()).containsExactly("linux/amd64", "linux/amd64/v3", "linux/arm64", "linux/arm/v7");
        for (OciDescriptor manifest : image.manifests()) {
            JsonObject config = json(
                    image.layout(),
                    OciDescriptor.fromJson(
                                    json(image.layout(), manifest.digest()).getAsJsonObject("config"))
                            .digest());
            ImagePlatform platform = manifest.platform().orElseThrow();
            assertThat(config.get("os").getAsString()).isEqualTo(platform.os());
            assertThat(config.get("architecture").getAsString()).isEqualTo(platform.architecture());
            assertThat(config.has("variant") ? config.get("variant").getAsString() : null)
                    .isEqualTo(platform.variant());
        }
        assertThat(Files.readString(image.layout().resolve("oci-layout"), StandardCharsets.US_ASCII))
                .isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    @Test
    void theSameBinariesGiveTheSameDigestInAnotherDirectory() throws IOException {
        AssembledImage first = assemble(
                temp.resolve("one"), BaseImage.scratch(), settings(), "linux_amd64/manager", "linux_arm64/manager");
        AssembledImage second = assemble(
                temp.resolve("elsewhere/two"),
                BaseImage.scratch(),
                settings(),
                "linux_amd64/manager",
                "linux_arm64/manager");

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(Files.readAllBytes(second.tar())).isEqualTo(Files.readAllBytes(first.tar()));
    }

    @Test
    void aDifferentBinaryGivesADifferentDigest() {
        AssembledImage first = assemble(temp.resolve("one"), BaseImage.scratch(), settings(), "linux_amd64/manager");
        AssembledImage second = assemble(temp.resolve("two"), BaseImage.scratch(), settings(), "linux_amd64/other");

        assertThat(second.digest()).isNotEqualTo(first.digest());
    }

    @Test
    void theLayerHoldsTheBinaryRootOwnedExecutableWithTheImageTime() throws IOException {
        AssembledImage image = assemble(temp, BaseImage.scratch(), settings(), "linux_arm64/manager");
        JsonObject manifest = json(image.layout(), image.manifests().get(0).digest());
        String layerDigest = manifest.getAsJsonArray("layers")
                .get(0)
                .getAsJsonObject()
                .get("digest")
                .getAsString();
        Path layer = image.layout().resolve("blobs/sha256/" + layerDigest.substring(7));

        Map<String, ImageTestSupport.Entry> entries = ImageTestSupport.layerEntries(layer);

        assertThat(entries.keySet()).containsExactly("usr/", "usr/local/", "usr/local/bin/", "usr/local/bin/manager");
        ImageTestSupport.Entry binary = entries.get("usr/local/bin/manager");
        assertThat(binary.content()).isEqualTo(Files.readAllBytes(temp.resolve("bin/linux_arm64/manager")));
        for (ImageTestSupport.Entry entry : entries.values()) {
            assertThat(entry.header().getMode() & 07777).isEqualTo(0755);
            assertThat(entry.header().getLongUserId()).isZero();
            assertThat(entry.header().getLongGroupId()).isZero();
            assertThat(entry.header().getUserName()).isEmpty();
            assertThat(entry.header().getModTime().toInstant()).isEqualTo(ImageTestSupport.TIME);
        }
        Path extracted = temp.resolve("extracted");
        Files.write(extracted, binary.content());
        assertThat(BinaryInspector.inspect(extracted).goarch()).isEqualTo("arm64");
    }

    @Test
    void aScratchImageRunsTheBinaryAsNonRootWithTheSettings() {
        ImageSettings settings = new ImageSettings(
                Optional.empty(),
                List.of("1.0.0"),
                Optional.empty(),
                "/usr/local/bin",
                Optional.of("/data"),
                Optional.empty(),
                Map.of("LOG_LEVEL", "debug"),
                List.of("8080", "9090/udp"),
                Map.of("team", "platform"),
                Map.of("org.opencontainers.image.version", "1.0.0", "org.opencontainers.image.licenses", "Apache-2.0"),
                ImageTestSupport.TIME);
        AssembledImage image = assemble(temp, BaseImage.scratch(), settings, "linux_amd64/manager");
        JsonObject manifest = json(image.layout(), image.manifests().get(0).digest());
        JsonObject config = json(
                image.layout(), manifest.getAsJsonObject("config").get("digest").getAsString());

        assertThat(config.get("created").getAsString()).isEqualTo("2024-01-01T00:00:00Z");
        JsonObject runtime = config.getAsJsonObject("config");
        assertThat(runtime.get("User").getAsString()).isEqualTo("65532:65532");
        assertThat(runtime.getAsJsonArray("Entrypoint").get(0).getAsString()).isEqualTo("/usr/local/bin/manager");
        assertThat(runtime.get("WorkingDir").getAsString()).isEqualTo("/data");
        assertThat(runtime.getAsJsonArray("Env").toString()).contains("PATH=/usr/local/sbin:", "LOG_LEVEL=debug");
        assertThat(runtime.getAsJsonObject("ExposedPorts").keySet()).containsExactly("8080/tcp", "9090/udp");
        assertThat(runtime.getAsJsonObject("Labels").get("team").getAsString()).isEqualTo("platform");
        JsonObject annotations = manifest.getAsJsonObject("annotations");
        assertThat(annotations.get("org.opencontainers.image.version").getAsString())
                .isEqualTo("1.0.0");
        assertThat(annotations.get("org.opencontainers.image.licenses").getAsString())
                .isEqualTo("Apache-2.0");
        assertThat(annotations.get("org.opencontainers.image.created").getAsString())
                .isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void theTarIsTheLayoutAndNamesTheImageForDockerLoad() throws IOException {
        AssembledImage image = assemble(
                temp,
                BaseImage.scratch(),
                settings(Optional.of(ImageReference.parse("ghcr.io/acme/op", "<image>", "go.image"))),
                "linux_amd64/manager");

        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(image.tar()))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertThat(names)
                .contains(
                        "oci-layout",
                        "index.json",
                        "blobs/",
                        "blobs/sha256/",
                        "blobs/sha256/" + image.digest().substring(7));
        String index = Files.readString(image.layout().resolve("index.json"));
        assertThat(index)
                .contains(
                        "\"org.opencontainers.image.ref.name\":\"1.0.0\"",
                        "\"io.containerd.image.name\":\"ghcr.io/acme/op:1.0.0\"");
    }

    @Test
    void nonLinuxTargetsAreSkippedAndOnlyNonLinuxTargetsAreRefused() {
        ImageTestSupport.Lines log = new ImageTestSupport.Lines();
        ImageAssembler assembler = new ImageAssembler(log);
        Path bin = FakeBinaries.write(temp.resolve("bin"), "linux_amd64/tool", "windows_amd64/tool.exe");

        assertThat(assembler.select(TargetBinaries.read(bin), List.of()))
                .extracting(target -> target.target().toString())
                .containsExactly("linux/amd64");
        assertThat(log.lines)
                .contains("Skipping windows/amd64 for the image: container images hold linux binaries only.");

        Path windowsOnly = FakeBinaries.write(temp.resolve("windows"), "windows_amd64/tool.exe", "darwin_arm64/tool");
        assertThatThrownBy(() -> assembler.select(TargetBinaries.read(windowsOnly), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "go:image found no linux binaries to pack (go:build built [darwin/arm64, windows/amd64]); add linux"
                                + " targets to <targets> (go.targets), e.g. linux/amd64,linux/arm64.");
    }

    @Test
    void platformsLimitWhichTargetsGoIntoTheImage() {
        Path bin = FakeBinaries.write(temp.resolve("bin"), "linux_amd64/tool", "linux_arm_7/tool");
        List<TargetBinaries> selected = new ImageAssembler(new ImageTestSupport.Lines())
                .select(TargetBinaries.read(bin), List.of("linux/arm/v7"));

        assertThat(selected).extracting(target -> target.target().toString()).containsExactly("linux/arm/7");
    }

    @Test
    void aBaseFromALayoutOnDiskGivesEachPlatformItsOwnLayers() {
        AssembledImage base = assemble(
                temp.resolve("base"), BaseImage.scratch(), settings(), "linux_amd64/shell", "linux_arm64/shell");
        RegistryAccess access = ImageTestSupport.access(
                registry -> new RegistryLogin(registry, Optional.empty()), false, temp.resolve("cache"), true);

        AssembledImage image = assemble(
                temp.resolve("app"),
                BaseImage.from("oci:" + base.layout(), access),
                settings(),
                "linux_amd64/manager",
                "linux_arm64/manager");

        for (int i = 0; i < 2; i++) {
            JsonObject baseManifest =
                    json(base.layout(), base.manifests().get(i).digest());
            JsonObject manifest = json(image.layout(), image.manifests().get(i).digest());
            assertThat(manifest.getAsJsonArray("layers")).hasSize(2);
            assertThat(manifest.getAsJsonArray("layers").get(0))
                    .isEqualTo(baseManifest.getAsJsonArray("layers").get(0));
            assertThat(manifest.getAsJsonObject("annotations")
                            .get("org.opencontainers.image.base.digest")
                            .getAsString())
                    .isEqualTo(base.digest());
            JsonObject config = json(
                    image.layout(),
                    manifest.getAsJsonObject("config").get("digest").getAsString());
            assertThat(config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids"))
                    .hasSize(2);
            // The base's user (scratch's non-root default) and environment carry over.
            assertThat(config.getAsJsonObject("config").get("User").getAsString())
                    .isEqualTo("65532:65532");
        }
        AssembledImage again = assemble(
                temp.resolve("elsewhere/app"),
                BaseImage.from("oci:" + base.layout(), access),
                settings(),
                "linux_amd64/manager",
                "linux_arm64/manager");
        assertThat(again.digest()).isEqualTo(image.digest());
    }

    @Test
    void aBaseWithoutThePlatformNamesTheBaseAndThePlatformsItHas() {
        AssembledImage base = assemble(
                temp.resolve("base"), BaseImage.scratch(), settings(), "linux_amd64/shell", "linux_arm64/shell");
        RegistryAccess access = ImageTestSupport.access(
                registry -> new RegistryLogin(registry, Optional.empty()), false, temp.resolve("cache"), true);
        BaseImage from = BaseImage.from("oci:" + base.layout(), access);

        assertThatThrownBy(() -> assemble(temp.resolve("app"), from, settings(), "linux_arm_7/manager"))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "The base image oci:" + base.layout()
                                + " has no linux/arm/v7 image; it has [linux/amd64, linux/arm64]."
                                + " Choose a base with that platform in <from> (go.image.from), or leave the target out of <platforms> (go.image.platforms).");
    }

    @Test
    void aBinaryChangedSinceGoBuildIsRefused() throws IOException {
        Path bin = FakeBinaries.write(temp.resolve("bin"), "linux_amd64/manager");
        Files.writeString(bin.resolve("linux_amd64/manager"), "tampered");

        assertThatThrownBy(() -> TargetBinaries.read(bin))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(
                        bin.resolve("linux_amd64/manager") + " is not the binary go:build verified: SHA256SUMS says ");
    }

    @Test
    void aBinaryForAnotherArchitectureIsRefused() throws IOException {
        Path bin = temp.resolve("bin");
        FakeBinaries.write(bin, "linux_arm64/manager");
        // An amd64 executable where go:build's directory says arm64, with a matching SHA256SUMS.
        Files.write(bin.resolve("linux_arm64/manager"), FakeBinaries.elf("amd64", "x"));
        Sha256Sums.write(
                bin.resolve("SHA256SUMS"),
                Map.of(bin.resolve("linux_arm64/manager"), Sha256.of(bin.resolve("linux_arm64/manager"))));
        ImageAssembler assembler = new ImageAssembler(new ImageTestSupport.Lines());

        assertThatThrownBy(() -> assembler.assemble(
                        TargetBinaries.read(bin), BaseImage.scratch(), settings(), temp.resolve("image")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("not a Linux arm64 executable");
    }

    @Test
    void severalBinariesNeedTheEntrypointNamed() {
        assertThatThrownBy(
                        () -> assemble(temp, BaseImage.scratch(), settings(), "linux_amd64/server", "linux_amd64/cli"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "go:build built 2 binaries for linux/amd64 [cli, server]; name the one the image runs in <entrypoint> (go.image.entrypoint).");
    }

    @Test
    void portsMustBePorts() {
        assertThat(ImageAssembler.normalizedPort("8080")).isEqualTo("8080/tcp");
        assertThat(ImageAssembler.normalizedPort("53/UDP")).isEqualTo("53/udp");
        assertThatThrownBy(() -> ImageAssembler.normalizedPort("http"))
                .hasMessage(
                        "<ports> (go.image.ports) has 'http', which is not a port; write 8080, 8080/tcp or 53/udp.");
    }
}
