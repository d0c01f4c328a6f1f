package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void aDockerBaseLayerIsListedUnderItsOciNameWithoutTheBasesAnnotations() {
        OciDescriptor docker = new OciDescriptor(
                "application/vnd.docker.image.rootfs.diff.tar.gzip",
                "sha256:" + "b".repeat(64),
                42,
                Optional.empty(),
                Map.of("x", "y"));

        OciDescriptor oci = MediaTypes.asOciLayer(docker);

        assertThat(oci)
                .isEqualTo(new OciDescriptor(MediaTypes.LAYER_GZIP, docker.digest(), 42, Optional.empty(), Map.of()));
        assertThat(MediaTypes.isIndex(MediaTypes.DOCKER_LIST)).isTrue();
        assertThat(MediaTypes.isIndex(MediaTypes.DOCKER_MANIFEST)).isFalse();
    }
}
