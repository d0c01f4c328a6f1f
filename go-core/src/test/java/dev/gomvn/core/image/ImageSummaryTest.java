package dev.gomvn.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSummaryTest {
    @TempDir
    Path temp;

    @Test
    void theSummaryNamesTheImageItsDigestTagsAndPlatformsForPipelines() throws IOException {
        AssembledImage image = ImageTestSupport.assemble(
                temp, BaseImage.scratch(), ImageTestSupport.settings(), "linux_amd64/op", "linux_arm_7/op");
        Path directory = image.layout().getParent();

        ImageSummary.write(
                directory,
                image.digest(),
                Optional.of(ImageReference.parse("ghcr.io/acme/op", "<image>", "go.image")),
                List.of("1.0.0", "latest"),
                ImageSummary.platformsOf(OciLayout.open(image.layout(), "test")),
                false);

        assertThat(Files.readString(directory.resolve("image.digest"))).isEqualTo(image.digest() + "\n");
        JsonObject summary = JsonParser.parseString(Files.readString(directory.resolve("image.json")))
                .getAsJsonObject();
        assertThat(summary.get("image").getAsString()).isEqualTo("ghcr.io/acme/op");
        assertThat(summary.get("imageDigest").getAsString()).isEqualTo(image.digest());
        assertThat(summary.getAsJsonArray("tags").toString()).isEqualTo("[\"1.0.0\",\"latest\"]");
        assertThat(summary.getAsJsonArray("platforms").toString()).isEqualTo("[\"linux/amd64\",\"linux/arm/v7\"]");
        assertThat(summary.get("imagePushed").getAsBoolean()).isFalse();
        assertThat(ImageSummary.digestOf(OciLayout.open(image.layout(), "test")))
                .isEqualTo(image.digest());
    }

    @Test
    void targetDirectoriesNameTheirTargetsVariantsIncluded() {
        assertThat(TargetBinaries.targetOf("linux_amd64").toString()).isEqualTo("linux/amd64");
        assertThat(TargetBinaries.targetOf("linux_arm_7").toString()).isEqualTo("linux/arm/7");
        assertThat(TargetBinaries.targetOf("linux_arm_7_softfloat").toString()).isEqualTo("linux/arm/7,softfloat");
        assertThat(TargetBinaries.targetOf("linux_arm64_v8.2_lse").toString()).isEqualTo("linux/arm64/v8.2,lse");
    }

    @Test
    void withoutGoBuildsChecksumsThereIsNothingToPack() {
        assertThatThrownBy(() -> TargetBinaries.read(temp.resolve("bin")))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "There is no " + temp.resolve("bin/SHA256SUMS")
                                + ": go:image packs the binaries go:build wrote;"
                                + " run go:build first (mvn package runs both), with the same <outputDirectory> (go.outputDirectory).");
    }

    @Test
    void aBaseLayoutThatIsNoLayoutSaysSo() {
        RegistryAccess access = new RegistryAccess(r -> new RegistryLogin(r, Optional.empty()), false, temp, true);

        assertThatThrownBy(() -> BaseImage.from("oci:" + temp.resolve("missing"), access))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        temp.resolve("missing") + " is not an OCI image layout (no oci-layout and index.json in it);"
                                + " fix <from> (go.image.from), which names it as base image.");
    }

    @Test
    void aBaseFromARegistryMustBeCachedToBuildOffline() {
        RegistryAccess offline =
                new RegistryAccess(r -> new RegistryLogin(r, Optional.empty()), false, temp.resolve("cache"), true);

        assertThatThrownBy(() -> BaseImage.from("registry.example.com/base/static:1", offline))
                .hasMessage(
                        "The base image registry.example.com/base/static:1 is not in the image cache "
                                + temp.resolve("cache")
                                + " and Maven runs offline (-o); build once online, or use a base from an OCI layout on disk (<from>oci:/path</from>).");
    }

    @Test
    void aNamedImageOfALayoutIsPicked() {
        AssembledImage base = ImageTestSupport.assemble(
                temp.resolve("base"),
                BaseImage.scratch(),
                ImageTestSupport.settings(Optional.of(ImageReference.parse("example.com/base", "<image>", "go.image"))),
                "linux_amd64/sh");
        RegistryAccess access = new RegistryAccess(r -> new RegistryLogin(r, Optional.empty()), false, temp, true);

        assertThat(BaseImage.from("oci:" + base.layout() + ":1.0.0", access).digest())
                .contains(base.digest());
        assertThatThrownBy(() -> BaseImage.from("oci:" + base.layout() + ":2.0", access))
                .hasMessage("The OCI layout " + base.layout() + " has no image named '2.0' (names: 1.0.0).");
    }
}
