package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image gomvn's layer goes on top of: {@code scratch} (nothing), or an image (a multi-platform index or a
 * single manifest) from a registry or an OCI layout on disk, from which each platform's own manifest is picked.
 */
public final class BaseImage {
    private final String name;
    private final Optional<ImageSource> source;
    private final Optional<ImageSource.Manifest> top;
    private final Optional<String> publishedName;

    private BaseImage(
            String name,
            Optional<ImageSource> source,
            Optional<ImageSource.Manifest> top,
            Optional<String> publishedName) {
        this.name = name;
        this.publishedName = publishedName;
        this.source = source;
        this.top = top;
    }

    public static BaseImage scratch() {
        return new BaseImage("scratch", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The base named by {@code <from>}: {@code scratch}, {@code oci:<directory>[:<name>]} (an OCI image layout on disk)
     * or an image reference, best pinned by digest ({@code gcr.io/distroless/static-debian12:nonroot@sha256:...}).
     */
    public static BaseImage from(String from, RegistryAccess access) {
        String text = from == null ? "" : from.strip();
        if (text.isEmpty() || text.equals("scratch")) {
            return scratch();
        }
        if (text.startsWith("oci:")) {
            String location = text.substring("oci:".length());
            int colon = location.lastIndexOf(':');
            // oci:/path:name, but not the drive letter of oci:C:\images
            boolean named = colon > 1
                    && !location.substring(colon + 1).contains("/")
                    && !location.substring(colon + 1).contains("\\");
            Path directory =
                    Path.of(named ? location.substring(0, colon) : location).toAbsolutePath();
            OciLayout layout = OciLayout.open(directory, "fix <from> (go.image.from), which names it as base image.");
            return of(new LayoutImageSource(layout), named ? location.substring(colon + 1) : "");
        }
        ImageReference reference = ImageReference.parse(text, "<from> (go.image.from)", "go.image.from");
        RegistryImageSource source = new RegistryImageSource(
                access.client(reference.registry(), "<from> (go.image.from)"),
                reference,
                access.cache(),
                access.offline());
        return of(source, reference.manifestReference());
    }

    /** Reads the base's top manifest (index or image) now, so a missing base fails before anything is written. */
    static BaseImage of(ImageSource source, String reference) {
        return new BaseImage(
                source.describe(reference),
                Optional.of(source),
                Optional.of(source.manifest(reference)),
                source.publishedName(reference));
    }

    String name() {
        return name;
    }

    /** The base's registry reference for the image's annotations; none for scratch and a layout on disk. */
    Optional<String> publishedName() {
        return publishedName;
    }

    boolean isScratch() {
        return source.isEmpty();
    }

    /** The digest of what the base reference resolved to (index or manifest), for the base annotations. */
    Optional<String> digest() {
        return top.map(ImageSource.Manifest::digest);
    }

    /** The base's config and layers for one platform. */
    PlatformBase forPlatform(ImagePlatform platform) {
        if (source.isEmpty()) {
            return new PlatformBase(new JsonObject(), List.of(), List.of(), null);
        }
        ImageSource.Manifest manifest = top.orElseThrow();
        if (MediaTypes.isIndex(manifest.mediaType())) {
            JsonObject index = OciJson.parse(manifest.bytes(), name);
            List<ImagePlatform> available = new ArrayList<>();
            OciDescriptor chosen = null;
            for (var entry : index.getAsJsonArray("manifests")) {
                OciDescriptor descriptor = OciDescriptor.fromJson(entry.getAsJsonObject());
                if (descriptor.platform().isEmpty()) {
                    continue; // attestations and other non-image entries
                }
                ImagePlatform offered = descriptor.platform().get();
                if (offered.os().equals("unknown")) {
                    continue; // BuildKit's provenance manifests
                }
                available.add(offered);
                if (chosen == null && platform.accepts(offered)) {
                    chosen = descriptor;
                }
            }
            if (chosen == null) {
                throw missingPlatform(platform, available);
            }
            manifest = source.get().manifest(chosen.digest());
        }
        JsonObject image = OciJson.parse(manifest.bytes(), name + " manifest " + manifest.digest());
        OciDescriptor configDescriptor = OciDescriptor.fromJson(image.getAsJsonObject("config"));
        JsonObject config = OciJson.parse(source.get().blobBytes(configDescriptor), name + " config");
        ImagePlatform offered = new ImagePlatform(
                OciJson.string(config, "os"),
                OciJson.string(config, "architecture"),
                OciJson.string(config, "variant"));
        if (!platform.accepts(offered)) {
            throw missingPlatform(platform, List.of(offered));
        }
        List<OciDescriptor> layers = new ArrayList<>();
        image.getAsJsonArray("layers").forEach(layer -> layers.add(OciDescriptor.fromJson(layer.getAsJsonObject())));
        List<String> diffIds = new ArrayList<>();
        JsonArray configured =
                config.has("rootfs") ? config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids") : new JsonArray();
        configured.forEach(diffId -> diffIds.add(diffId.getAsString()));
        if (diffIds.size() != layers.size()) {
            throw new VerificationException("The base image " + name + " for " + platform + " has " + layers.size()
                    + " layers but its config lists " + diffIds.size() + " diff_ids; it is damaged.");
        }
        return new PlatformBase(
                config.has("config") ? config.getAsJsonObject("config") : new JsonObject(),
                layers,
                diffIds,
                source.get());
    }

    private VerificationException missingPlatform(ImagePlatform platform, List<ImagePlatform> available) {
        return new VerificationException(
                "The base image " + name + " has no " + platform + " image; it has "
                        + (available.isEmpty()
                                ? "no platform images"
                                : available.stream()
                                        .map(ImagePlatform::toString)
                                        .sorted()
                                        .distinct()
                                        .toList())
                        + ". Choose a base with that platform in <from> (go.image.from), or leave the target out of <platforms> (go.image.platforms).");
    }

    /**
     * One platform's part of the base.
     *
     * @param config the base config's {@code config} object (User, Env, WorkingDir ...), empty for scratch
     */
    record PlatformBase(JsonObject config, List<OciDescriptor> layers, List<String> diffIds, ImageSource source) {

        /** Copies the layer blobs into {@code layout}, from the base's layout or the local cache of a registry's. */
        void copyLayers(OciLayout layout) {
            for (OciDescriptor layer : layers) {
                Path file = source.blob(layer);
                layout.copyBlob(file, layer);
            }
        }
    }
}
