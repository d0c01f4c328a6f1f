package dev.gomvn.image;

import com.google.gson.JsonObject;
import dev.gomvn.core.Sha256;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A reference to a blob, manifest or index by digest, as in OCI's descriptor. */
public record OciDescriptor(
        String mediaType, String digest, long size, Optional<ImagePlatform> platform, Map<String, String> annotations) {

    public OciDescriptor {
        annotations = Map.copyOf(annotations);
    }

    static OciDescriptor of(String mediaType, String digest, long size) {
        return new OciDescriptor(mediaType, digest, size, Optional.empty(), Map.of());
    }

    OciDescriptor withPlatform(ImagePlatform value) {
        return new OciDescriptor(mediaType, digest, size, Optional.of(value), annotations);
    }

    /** The descriptor as a subject names it: media type, digest and size. */
    OciDescriptor withoutPlatform() {
        return new OciDescriptor(mediaType, digest, size, Optional.empty(), Map.of());
    }

    OciDescriptor withAnnotations(Map<String, String> value) {
        return new OciDescriptor(mediaType, digest, size, platform, value);
    }

    static OciDescriptor fromJson(JsonObject json) {
        Map<String, String> annotations = new TreeMap<>();
        if (json.has("annotations")) {
            json.getAsJsonObject("annotations")
                    .entrySet()
                    .forEach(entry ->
                            annotations.put(entry.getKey(), entry.getValue().getAsString()));
        }
        return new OciDescriptor(
                OciJson.string(json, "mediaType"),
                OciJson.string(json, "digest"),
                json.get("size").getAsLong(),
                json.has("platform")
                        ? Optional.of(ImagePlatform.fromJson(json.getAsJsonObject("platform")))
                        : Optional.empty(),
                annotations);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("mediaType", mediaType);
        json.addProperty("digest", digest);
        json.addProperty("size", size);
        platform.ifPresent(value -> json.add("platform", value.toJson()));
        if (!annotations.isEmpty()) {
            json.add("annotations", OciDescriptor.annotations(annotations));
        }
        return json;
    }

    /** Annotations sorted by key, so their order never changes a digest. */
    static JsonObject annotations(Map<String, String> annotations) {
        JsonObject json = new JsonObject();
        new TreeMap<>(annotations).forEach(json::addProperty);
        return json;
    }

    /** The OCI digest ({@code sha256:<hex>}) of a document or blob held in memory. */
    static String digestOf(byte[] content) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(content);
        return digestOf(digest);
    }

    /** The OCI digest of content a SHA-256 was computed over while it streamed. */
    static String digestOf(MessageDigest finished) {
        return "sha256:" + HexFormat.of().formatHex(finished.digest());
    }
}
