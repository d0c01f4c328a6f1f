package dev.gomvn.image;

import java.nio.file.Path;
import java.util.Optional;

/** Where a base image's manifests and blobs are read from: a registry (through a local cache) or an OCI layout. */
interface ImageSource {

    /** A manifest or index: its bytes, media type and digest. */
    record Manifest(byte[] bytes, String mediaType, String digest) {}

    /** How messages name the image at {@code reference}. */
    String describe(String reference);

    Manifest manifest(String reference);

    /**
     * The name the image's {@code org.opencontainers.image.base.name} annotation gives it: a registry reference; none
     * for a layout on disk, whose path would make the digest depend on the machine.
     */
    Optional<String> publishedName(String reference);

    /** A local file holding the blob, verified. */
    Path blob(OciDescriptor descriptor);

    byte[] blobBytes(OciDescriptor descriptor);
}
