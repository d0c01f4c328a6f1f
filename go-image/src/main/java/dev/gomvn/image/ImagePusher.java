package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.BoundedParallel;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.VerificationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Pushes the image of an OCI layout {@code go:image} wrote: every blob the registry lacks (a base layer it holds
 * in the base's repository is mounted, not uploaded), then each platform manifest and the index by digest, and
 * only then the tags, so a push that fails on the way leaves no tag pointing at a partial image. Blobs are checked,
 * mounted and uploaded {@link #DEFAULT_JOBS} at a time (as go-containerregistry does), and the platform manifests
 * put at once: against a registry far away, each request costs a round trip that the others need not wait for.
 */
public final class ImagePusher {
    /** go-containerregistry's (crane's, ko's) default number of concurrent blob transfers. */
    public static final int DEFAULT_JOBS = 4;

    private final GoLog log;
    private final int jobs;

    public ImagePusher(GoLog log) {
        this(log, DEFAULT_JOBS);
    }

    /** @param jobs the most blob checks, mounts and uploads at once (at least 1) */
    public ImagePusher(GoLog log, int jobs) {
        this.log = log;
        this.jobs = jobs;
    }

    private enum BlobOutcome {
        PRESENT,
        MOUNTED,
        UPLOADED
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
        List<BlobOutcome> outcomes;
        if (client.hasManifest(target.repository(), index.digest())) {
            // The image is there already (pushed before, or by another build of the same sources): one request, as
            // go-containerregistry asks, instead of one per blob and manifest.
            outcomes = Collections.nCopies(contents.blobs().size(), BlobOutcome.PRESENT);
        } else {
            outcomes = pushContents(client, layout, target, contents, mountFrom);
            client.putManifest(target.repository(), index.digest(), indexBytes, MediaTypes.INDEX);
        }
        int uploaded = Collections.frequency(outcomes, BlobOutcome.UPLOADED);
        int mounted = Collections.frequency(outcomes, BlobOutcome.MOUNTED);
        int present = Collections.frequency(outcomes, BlobOutcome.PRESENT);
        List<String> pushedTags = new ArrayList<>();
        for (String tag : tags) {
            client.putManifest(target.repository(), tag, indexBytes, MediaTypes.INDEX);
            requireTagResolvesTo(client, target, tag, index.digest());
            pushedTags.add(tag);
        }
        PushResult result = new PushResult(index.digest(), uploaded, mounted, present);
        log.info("Pushed " + target.name() + "@" + index.digest() + " ("
                + HumanReadable.count(manifests.size(), "platform", "platforms") + ") tagged "
                + String.join(", ", pushedTags) + ": " + uploaded + " of " + result.blobs() + " blobs uploaded, "
                + mounted + " mounted, " + present + " already there");
        return result;
    }

    /** Every blob the registry lacks, then each platform manifest: what the index needs before it can be put. */
    private List<BlobOutcome> pushContents(
            RegistryClient client,
            OciLayout layout,
            ImageReference target,
            Contents contents,
            Optional<String> mountFrom) {
        List<Supplier<BlobOutcome>> blobTasks = contents.blobs().values().stream()
                .<Supplier<BlobOutcome>>map(blob -> () -> pushBlob(client, layout, target, blob, contents, mountFrom))
                .toList();
        List<BlobOutcome> outcomes = BoundedParallel.run("pushing blobs to " + target.name(), jobs, blobTasks);
        List<Supplier<Boolean>> manifestTasks = contents.manifests().entrySet().stream()
                .<Supplier<Boolean>>map(manifest -> () -> {
                    client.putManifest(
                            target.repository(), manifest.getKey().digest(), manifest.getValue(), MediaTypes.MANIFEST);
                    return true;
                })
                .toList();
        BoundedParallel.run("pushing the platform manifests to " + target.name(), jobs, manifestTasks);
        return outcomes;
    }

    /** Checks one blob and, when the registry lacks it, mounts it from the base's repository or uploads it. */
    private static BlobOutcome pushBlob(
            RegistryClient client,
            OciLayout layout,
            ImageReference target,
            OciDescriptor blob,
            Contents contents,
            Optional<String> mountFrom) {
        if (client.hasBlob(target.repository(), blob.digest())) {
            return BlobOutcome.PRESENT;
        }
        if (mountFrom.isPresent()
                && contents.baseLayers().contains(blob.digest())
                && client.mountBlob(target.repository(), blob.digest(), mountFrom.get())) {
            return BlobOutcome.MOUNTED;
        }
        client.pushBlob(target.repository(), layout.blob(blob.digest()), blob.digest());
        return BlobOutcome.UPLOADED;
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
