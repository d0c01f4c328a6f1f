package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
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
}
