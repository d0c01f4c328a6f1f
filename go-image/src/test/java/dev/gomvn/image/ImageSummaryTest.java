package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
    }
}
