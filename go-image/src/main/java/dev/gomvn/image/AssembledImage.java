package dev.gomvn.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code go:image} wrote: an OCI layout whose index.json names one image index, the same as a tar, and
 * the index's digest.
 *
 * @param manifests the platform images, each with its platform
 */
public record AssembledImage(Path layout, Path tar, OciDescriptor index, List<OciDescriptor> manifests) {

    public String digest() {
        return index.digest();
    }

    public List<String> platforms() {
        return manifests.stream()
                .map(manifest ->
                        manifest.platform().map(ImagePlatform::toString).orElse("?"))
                .toList();
    }
}
