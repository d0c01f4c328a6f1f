package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The image under which cosign keeps what it attaches to an image with digest {@code sha256:<hex>}: the tag
 * {@code sha256-<hex>.sig} for signatures, {@code sha256-<hex>.att} for attestations, in the image's repository. Its
 * layers are the signatures (one each); its config is the one go-containerregistry derives for them. A new layer is
 * appended to what the tag already holds, as cosign's {@code mutate.AppendSignatures} does, so signatures made
 * elsewhere (another key, cosign itself) are kept; a layer that says what the new one says is not added twice.
 */
final class CosignAttachment {
    static final String SIGNATURES = "sig";
    static final String ATTESTATIONS = "att";
    /** go-containerregistry's zero time, which it writes into the config of a signature image. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private CosignAttachment() {}

    /** One layer to attach: its bytes, media type and annotations. */
    record Layer(byte[] content, String mediaType, Map<String, String> annotations) {
        String digest() {
            return OciDescriptor.digestOf(content);
        }
    }

    /** {@code sha256:<hex>} becomes {@code sha256-<hex>.<suffix>}, cosign's {@code ociremote} tag naming. */
    static String tag(String digest, String suffix) {
        return digest.replace(':', '-') + "." + suffix;
    }

    /**
     * Appends {@code layer} to the image under {@code tag} in {@code repository}, unless a layer already there
     * {@code isSame}; returns whether it was appended. The layer and config are pushed before the manifest, and the
     * manifest is put last, under the tag.
     */
    static boolean append(
            RegistryClient client, String repository, String tag, Layer layer, Predicate<OciDescriptor> isSame) {
        JsonObject manifest;
        JsonObject config;
        if (client.hasManifest(repository, tag)) {
            RegistryClient.FetchedManifest fetched = client.manifest(repository, tag);
            manifest = OciJson.parse(fetched.bytes(), "the manifest " + repository + ":" + tag);
            for (JsonElement existing : manifest.getAsJsonArray("layers")) {
                if (isSame.test(OciDescriptor.fromJson(existing.getAsJsonObject()))) {
                    return false;
                }
            }
            String configDigest = OciJson.string(manifest.getAsJsonObject("config"), "digest");
            config = OciJson.parse(client.blob(repository, configDigest), "the config " + configDigest);
        } else {
            manifest = emptyManifest();
            config = emptyConfig();
        }
        client.pushBlobIfMissing(repository, layer.content());
        manifest.getAsJsonArray("layers")
                .add(descriptor(layer.mediaType(), layer.content().length, layer.digest(), Optional.of(layer)));
        // A signature layer is stored as it is: its uncompressed digest (diff ID) is its digest.
        config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids").add(layer.digest());
        JsonObject history = new JsonObject();
        history.addProperty("created", ZERO_TIME);
        if (!config.has("history")) {
            config.add("history", new JsonArray());
        }
        config.getAsJsonArray("history").add(history);
        byte[] configBytes = OciJson.bytes(config);
        String configDigest = client.pushBlobIfMissing(repository, configBytes);
        JsonObject configDescriptor = manifest.getAsJsonObject("config");
        configDescriptor.addProperty("size", configBytes.length);
        configDescriptor.addProperty("digest", configDigest);
        String mediaType =
                Optional.ofNullable(OciJson.string(manifest, "mediaType")).orElse(MediaTypes.MANIFEST);
        client.putManifest(repository, tag, OciJson.bytes(manifest), mediaType);
        return true;
    }

    /** An OCI manifest with no layers, as cosign's {@code empty.Signatures()} starts from. */
    private static JsonObject emptyManifest() {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("schemaVersion", 2);
        manifest.addProperty("mediaType", MediaTypes.MANIFEST);
        manifest.add("config", descriptor(MediaTypes.CONFIG, 0, "", Optional.empty()));
        manifest.add("layers", new JsonArray());
        return manifest;
    }

    /** go-containerregistry's {@code empty.Image} config, its keys in the order Go writes them. */
    private static JsonObject emptyConfig() {
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", new JsonArray());
        JsonObject config = new JsonObject();
        config.addProperty("architecture", "");
        config.addProperty("created", ZERO_TIME);
        config.add("history", new JsonArray());
        config.addProperty("os", "");
        config.add("rootfs", rootfs);
        config.add("config", new JsonObject());
        return config;
    }

    /** A descriptor with go-containerregistry's key order (mediaType, size, digest, annotations). */
    private static JsonObject descriptor(String mediaType, long size, String digest, Optional<Layer> layer) {
        JsonObject json = new JsonObject();
        json.addProperty("mediaType", mediaType);
        json.addProperty("size", size);
        json.addProperty("digest", digest);
        layer.filter(l -> !l.annotations().isEmpty())
                .ifPresent(l -> json.add("annotations", OciDescriptor.annotations(l.annotations())));
        return json;
    }
}
