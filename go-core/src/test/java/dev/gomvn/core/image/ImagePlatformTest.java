package dev.gomvn.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImagePlatformTest {

    private static String platformOf(String target) {
        return ImagePlatform.of(BuildTarget.parse(target, new Platform("linux", "amd64")))
                .toString();
    }

    @Test
    void goTargetsMapToOciPlatforms() {
        assertThat(platformOf("linux/amd64")).isEqualTo("linux/amd64");
        assertThat(platformOf("linux/amd64/v1")).isEqualTo("linux/amd64");
        assertThat(platformOf("linux/amd64/v3")).isEqualTo("linux/amd64/v3");
        assertThat(platformOf("linux/arm/7")).isEqualTo("linux/arm/v7");
        assertThat(platformOf("linux/arm/6")).isEqualTo("linux/arm/v6");
        assertThat(platformOf("linux/arm/7,softfloat")).isEqualTo("linux/arm/v7");
        // Go's default GOARM for a cross build is 7.
        assertThat(platformOf("linux/arm")).isEqualTo("linux/arm/v7");
        assertThat(platformOf("linux/arm64")).isEqualTo("linux/arm64");
        assertThat(platformOf("linux/arm64/v8.2")).isEqualTo("linux/arm64");
    }

    @Test
    void aMissingVariantIsTheArchitecturesDefault() {
        assertThat(new ImagePlatform("linux", "arm64", null).accepts(new ImagePlatform("linux", "arm64", "v8")))
                .isTrue();
        assertThat(new ImagePlatform("linux", "arm", "v7").accepts(new ImagePlatform("linux", "arm", null)))
                .isTrue();
        assertThat(new ImagePlatform("linux", "arm", "v7").accepts(new ImagePlatform("linux", "arm", "v6")))
                .isFalse();
        assertThat(new ImagePlatform("linux", "amd64", "v3").accepts(new ImagePlatform("linux", "amd64", null)))
                .isFalse();
    }

    @Test
    void imageReferencesParseAsDockerReadsThem() {
        assertThat(ImageReference.parse("127.0.0.1:5000/acme/op:1.0", "<image>", "go.image"))
                .isEqualTo(new ImageReference("127.0.0.1:5000", "acme/op", Optional.of("1.0"), Optional.empty()));
        assertThat(ImageReference.parse("alpine", "<image>", "go.image"))
                .isEqualTo(new ImageReference("docker.io", "library/alpine", Optional.empty(), Optional.empty()));
        String digest = "sha256:" + "a".repeat(64);
        ImageReference pinned =
                ImageReference.parse("gcr.io/distroless/static-debian12:nonroot@" + digest, "<from>", "go.image.from");
        assertThat(pinned.manifestReference()).isEqualTo(digest);
        assertThat(pinned.toString()).isEqualTo("gcr.io/distroless/static-debian12:nonroot@" + digest);
        assertThatThrownBy(() -> ImageReference.parse("ghcr.io/Acme/op", "<image> (go.image)", "go.image"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "<image> (go.image) is 'ghcr.io/Acme/op', which is not an image reference: repository 'Acme/op' must be"
                                + " lowercase letters, digits and separators (. _ - /); write registry/repository[:tag][@sha256:<hex>], e.g. ghcr.io/acme/operator.");
    }
}
