package dev.gomvn.image;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The OCI media types gomvn writes, and the Docker ones it accepts in a base image. */
final class MediaTypes {
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    /** The manifest types a base image may be read from; a registry is asked for any of them. */
    static final Set<String> ACCEPTED = Set.of(INDEX, MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

    private MediaTypes() {}

    static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /**
     * A base layer as an OCI manifest lists it: a Docker base's gzipped layer is the same bytes under the OCI name,
     * so an OCI manifest never mixes in Docker types. Annotations of the base's manifest are not carried over.
     */
    static OciDescriptor asOciLayer(OciDescriptor layer) {
        String mediaType = DOCKER_LAYER_GZIP.equals(layer.mediaType()) ? LAYER_GZIP : layer.mediaType();
        return new OciDescriptor(mediaType, layer.digest(), layer.size(), Optional.empty(), Map.of());
    }

    static boolean isIndex(String mediaType) {
        return INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }
}
