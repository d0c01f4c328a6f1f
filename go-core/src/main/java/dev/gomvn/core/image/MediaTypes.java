package dev.gomvn.core.image;

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

    static boolean isIndex(String mediaType) {
        return INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }
}
