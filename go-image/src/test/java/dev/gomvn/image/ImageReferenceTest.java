package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

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
