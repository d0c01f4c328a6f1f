package dev.gomvn.image;

import com.google.gson.JsonObject;
import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import java.util.Optional;

/** A base image in an OCI image layout on disk (air-gapped machines): {@code oci:<dir>[:<name>]}. */
final class LayoutImageSource implements ImageSource {
    private final OciLayout layout;

    LayoutImageSource(OciLayout layout) {
        this.layout = layout;
    }

    @Override
    public String describe(String reference) {
        return "oci:" + layout.directory() + (reference.isEmpty() ? "" : ":" + reference);
    }

    @Override
    public Optional<String> publishedName(String reference) {
        return Optional.empty();
    }

    /** @param reference a name in index.json ({@code org.opencontainers.image.ref.name}), a digest, or empty for the only image */
    @Override
    public Manifest manifest(String reference) {
        OciDescriptor descriptor = reference.startsWith("sha256:")
                ? OciDescriptor.of(null, reference, -1)
                : layout.manifest(reference.isEmpty() ? Optional.empty() : Optional.of(reference));
        byte[] bytes = layout.readBlob(descriptor);
        return new Manifest(bytes, mediaTypeOf(bytes, descriptor), descriptor.digest());
    }

    static String mediaTypeOf(byte[] bytes, OciDescriptor descriptor) {
        JsonObject json = OciJson.parse(bytes, descriptor.digest());
        String mediaType = OciJson.string(json, "mediaType");
        if (mediaType != null) {
            return mediaType;
        }
        if (descriptor.mediaType() != null) {
            return descriptor.mediaType();
        }
        return json.has("manifests") ? MediaTypes.INDEX : MediaTypes.MANIFEST;
    }

    /** The blob's file; its digest is checked where it is copied ({@link OciLayout#copyBlob}). */
    @Override
    public Path blob(OciDescriptor descriptor) {
        if (!layout.hasBlob(descriptor.digest())) {
            throw new VerificationException("The OCI layout " + layout.directory() + " lacks the blob "
                    + descriptor.digest() + " its manifests refer to; copy the whole layout.");
        }
        return layout.blob(descriptor.digest());
    }

    @Override
    public byte[] blobBytes(OciDescriptor descriptor) {
        return layout.readBlob(descriptor);
    }
}
