package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes the image of an OCI layout {@code go:image} wrote: every blob the registry lacks (a base layer it holds
 * in the base's repository is mounted, not uploaded), then each platform manifest and the index by digest, and
 * only then the tags, so a push that fails on the way leaves no tag pointing at a partial image.
 */
public final class ImagePusher {
    private final GoLog log;

    public ImagePusher(GoLog log) {
        this.log = log;
    }

    /** What a push did: blobs uploaded, mounted and already there, and the index digest the tags point to. */
    public record PushResult(String digest, int uploaded, int mounted, int present) {
        public int blobs() {
            return uploaded + mounted + present;
        }
    }

    public PushResult push(OciLayout layout, ImageReference target, List<String> tags, RegistryAccess access) {
        RegistryClient client = access.client(target.registry(), "<image> (go.image)");
        OciDescriptor index = layout.manifest(Optional.empty());
        byte[] indexBytes = layout.readBlob(index);
        JsonObject indexJson = OciJson.parse(indexBytes, "the image index " + index.digest());
        Contents contents = Contents.of(layout, indexJson);
        Map<OciDescriptor, byte[]> manifests = contents.manifests();
        Optional<String> mountFrom = contents.base()
                .filter(b -> b.registry().equals(target.registry())
                        && !b.repository().equals(target.repository()))
                .map(ImageReference::repository);
        int uploaded = 0;
        int mounted = 0;
        int present = 0;
        for (OciDescriptor blob : contents.blobs().values()) {
            if (client.hasBlob(target.repository(), blob.digest())) {
                present++;
            } else if (mountFrom.isPresent()
                    && contents.baseLayers().contains(blob.digest())
                    && client.mountBlob(target.repository(), blob.digest(), mountFrom.get())) {
                mounted++;
            } else {
                client.pushBlob(target.repository(), layout.blob(blob.digest()), blob.digest());
                uploaded++;
            }
        }
        for (Map.Entry<OciDescriptor, byte[]> manifest : manifests.entrySet()) {
            client.putManifest(
                    target.repository(), manifest.getKey().digest(), manifest.getValue(), MediaTypes.MANIFEST);
        }
        client.putManifest(target.repository(), index.digest(), indexBytes, MediaTypes.INDEX);
        List<String> pushedTags = new ArrayList<>();
        for (String tag : tags) {
            client.putManifest(target.repository(), tag, indexBytes, MediaTypes.INDEX);
            requireTagResolvesTo(client, target, tag, index.digest());
            pushedTags.add(tag);
        }
        PushResult result = new PushResult(index.digest(), uploaded, mounted, present);
        log.info("Pushed " + target.name() + "@" + index.digest() + " (" + manifests.size() + " platforms) tagged "
                + String.join(", ", pushedTags) + ": " + uploaded + " of " + result.blobs() + " blobs uploaded, "
                + mounted + " mounted, " + present + " already there");
        return result;
    }

    /**
     * What the layout's index names: each platform manifest with its bytes, every blob they reference, the base's
     * layers among them, and the base image the manifests were built on.
     */
    private record Contents(
            Map<OciDescriptor, byte[]> manifests,
            Map<String, OciDescriptor> blobs,
            Set<String> baseLayers,
            Optional<ImageReference> base) {
        static Contents of(OciLayout layout, JsonObject indexJson) {
            Map<OciDescriptor, byte[]> manifests = new LinkedHashMap<>();
            Map<String, OciDescriptor> blobs = new LinkedHashMap<>();
            Set<String> baseLayers = new HashSet<>();
            Optional<ImageReference> base = Optional.empty();
            for (var entry : indexJson.getAsJsonArray("manifests")) {
                OciDescriptor descriptor = OciDescriptor.fromJson(entry.getAsJsonObject());
                byte[] bytes = layout.readBlob(descriptor);
                manifests.put(descriptor, bytes);
                JsonObject manifest = OciJson.parse(bytes, "the manifest " + descriptor.digest());
                OciDescriptor config = OciDescriptor.fromJson(manifest.getAsJsonObject("config"));
                blobs.put(config.digest(), config);
                JsonArray layers = manifest.getAsJsonArray("layers");
                for (int i = 0; i < layers.size(); i++) {
                    OciDescriptor layer = OciDescriptor.fromJson(layers.get(i).getAsJsonObject());
                    blobs.put(layer.digest(), layer);
                    // gomvn's own layer is each manifest's last (ImageAssembler): only the base's, before it, can be
                    // in the base's repository, so only they are worth a mount request.
                    if (i < layers.size() - 1) {
                        baseLayers.add(layer.digest());
                    }
                }
                if (manifest.has("annotations")
                        && manifest.getAsJsonObject("annotations").has("org.opencontainers.image.base.name")) {
                    String name = manifest.getAsJsonObject("annotations")
                            .get("org.opencontainers.image.base.name")
                            .getAsString();
                    base = Optional.of(ImageReference.parse(name, "the base annotation", "go.image.from"));
                }
            }
            return new Contents(manifests, blobs, baseLayers, base);
        }
    }

    /**
     * Reads the tag back as a puller would: a registry (or something in between) that keeps another manifest under
     * the tag, or names another digest for it, must not leave a log line that says the image was published.
     */
    private static void requireTagResolvesTo(RegistryClient client, ImageReference target, String tag, String digest) {
        RegistryClient.FetchedManifest stored = client.manifest(target.repository(), tag);
        String named = stored.headerDigest().orElse(stored.digest());
        if (!stored.digest().equals(digest) || !named.equals(digest)) {
            throw new VerificationException("The registry " + target.registry()
                    + " does not serve the pushed image under "
                    + "the tag " + tag + ": " + target.name() + ":" + tag + " resolves to "
                    + (stored.digest().equals(named)
                            ? stored.digest()
                            : stored.digest() + " (its header says " + named + ")")
                    + ", not to the pushed " + digest + ". The image is not published as built; check the registry "
                    + "(and any proxy in front of it) that <image> (go.image) names.");
        }
    }
}
