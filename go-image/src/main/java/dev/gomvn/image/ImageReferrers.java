package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches documents about a pushed image to it as OCI 1.1 referrers: for each, an artifact manifest whose
 * {@code subject} is the image (the index, or one platform's manifest), whose {@code artifactType} and only layer are
 * the document's media type and bytes, and whose config is OCI's empty descriptor. No timestamp goes in, so the same
 * document always gives the same referrer. A registry with the referrers API answers the manifest's PUT with an
 * {@code OCI-Subject} header and lists it by itself; for one without (the distribution registry, many older ones),
 * the referrer is also listed in the index under the tag {@code sha256-<subject hex>}, the spec's fallback, which
 * {@code oras discover}, regctl and trivy read.
 */
public final class ImageReferrers {
    static final String EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
    static final byte[] EMPTY_CONTENT = {'{', '}'};
    static final String TITLE = "org.opencontainers.image.title";

    private final ImageReference target;
    private final RegistryClient client;
    private final GoLog log;

    public ImageReferrers(ImageReference target, RegistryAccess access, GoLog log) {
        this.target = target;
        this.client = access.client(target.registry(), "<image> (go.image)");
        this.log = log;
    }

    /**
     * One document to attach to {@code subject}.
     *
     * @param title its file name ({@code org.opencontainers.image.title}), what a tool that pulls it names the file
     */
    public record Document(OciDescriptor subject, String artifactType, byte[] content, String title) {}

    /**
     * The documents go:build wrote about the image pushed from {@code layout}: the provenance (as an
     * {@link ImageStatement} about the index) and, for each platform manifest, the CycloneDX SBOM of each binary in
     * it, when they exist.
     */
    public static List<Document> of(
            OciLayout layout,
            String indexDigest,
            List<TargetBinaries> binaries,
            Path provenance,
            ImageReference target) {
        List<Document> documents = new ArrayList<>();
        OciDescriptor index = layout.manifest(Optional.empty());
        if (Files.isRegularFile(provenance)) {
            documents.add(new Document(
                    index,
                    "application/vnd.in-toto+json",
                    ImageStatement.of(provenance, target, indexDigest).bytes(),
                    provenance.getFileName().toString()));
        }
        JsonObject indexJson = OciJson.parse(layout.readBlob(index), "the image index " + index.digest());
        for (JsonElement entry : indexJson.getAsJsonArray("manifests")) {
            OciDescriptor manifest = OciDescriptor.fromJson(entry.getAsJsonObject());
            for (TargetBinaries built : binaries) {
                if (manifest.platform().isEmpty()
                        || !manifest.platform().get().accepts(ImagePlatform.of(built.target()))) {
                    continue;
                }
                for (Path binary : built.binaries().values()) {
                    Path sbom = binary.resolveSibling(binary.getFileName() + ".cdx.json");
                    if (Files.isRegularFile(sbom)) {
                        documents.add(new Document(
                                manifest.withoutPlatform(),
                                "application/vnd.cyclonedx+json",
                                read(sbom),
                                sbom.getFileName().toString()));
                    }
                }
            }
        }
        return documents;
    }

    /** Attaches each document to the image pushed as {@code indexDigest}, and says what in one line. */
    public void attach(String indexDigest, List<Document> documents) {
        if (documents.isEmpty()) {
            log.info("No SBOM or provenance attached to " + target.name() + "@" + indexDigest
                    + ": go:build wrote none beside the binaries.");
            return;
        }
        client.pushBlobIfMissing(target.repository(), EMPTY_CONTENT);
        boolean fallback = false;
        for (Document document : documents) {
            try {
                fallback |= attach(document);
            } catch (EnvironmentException e) {
                // The image is pushed and tagged by now; say so, and how to push without what failed.
                throw new EnvironmentException(
                        e.getMessage() + " The image " + target.name() + "@" + indexDigest + " is pushed, but "
                                + document.title() + " could not be attached to it as an OCI referrer; if this "
                                + "registry takes no OCI 1.1 artifacts, set <referrers>false</referrers> "
                                + "(go.image.referrers).",
                        e);
            }
        }
        long sboms = documents.stream()
                .filter(document -> !document.subject().digest().equals(indexDigest))
                .count();
        List<String> attached = new ArrayList<>();
        if (sboms < documents.size()) {
            attached.add("the provenance (application/vnd.in-toto+json, about the index)");
        }
        if (sboms > 0) {
            attached.add(HumanReadable.count(sboms, "CycloneDX SBOM", "CycloneDX SBOMs")
                    + " (application/vnd.cyclonedx+json, each about its platform's manifest)");
        }
        log.info("Attached to " + target.name() + "@" + indexDigest + " as OCI referrers: "
                + String.join(" and ", attached)
                + (fallback
                        ? "; the registry has no referrers API, so they are listed under the tag sha256-<subject>"
                        : ""));
    }

    /** Returns whether the registry needed the referrers tag. */
    private boolean attach(Document document) {
        String layerDigest = client.pushBlobIfMissing(target.repository(), document.content());
        JsonObject manifest = manifest(document, layerDigest);
        byte[] bytes = OciJson.bytes(manifest);
        String digest = OciDescriptor.digestOf(bytes);
        Optional<String> subject = client.putManifest(target.repository(), digest, bytes, MediaTypes.MANIFEST);
        if (subject.isPresent()) {
            return false;
        }
        JsonObject listed = new JsonObject();
        listed.addProperty("mediaType", MediaTypes.MANIFEST);
        listed.addProperty("digest", digest);
        listed.addProperty("size", bytes.length);
        listed.addProperty("artifactType", document.artifactType());
        listed.add("annotations", OciDescriptor.annotations(Map.of(TITLE, document.title())));
        addToReferrersTag(document.subject().digest(), listed);
        return true;
    }

    private static JsonObject manifest(Document document, String layerDigest) {
        JsonObject config = new JsonObject();
        config.addProperty("mediaType", EMPTY_MEDIA_TYPE);
        config.addProperty("digest", OciDescriptor.digestOf(EMPTY_CONTENT));
        config.addProperty("size", EMPTY_CONTENT.length);
        config.addProperty("data", "e30=");
        JsonObject layer = new JsonObject();
        layer.addProperty("mediaType", document.artifactType());
        layer.addProperty("digest", layerDigest);
        layer.addProperty("size", document.content().length);
        layer.add("annotations", OciDescriptor.annotations(Map.of(TITLE, document.title())));
        JsonArray layers = new JsonArray();
        layers.add(layer);
        JsonObject manifest = new JsonObject();
        manifest.addProperty("schemaVersion", 2);
        manifest.addProperty("mediaType", MediaTypes.MANIFEST);
        manifest.addProperty("artifactType", document.artifactType());
        manifest.add("config", config);
        manifest.add("layers", layers);
        manifest.add("subject", document.subject().toJson());
        manifest.add("annotations", OciDescriptor.annotations(Map.of(TITLE, document.title())));
        return manifest;
    }

    /** Adds {@code referrer} to the index under {@code sha256-<hex>} unless it lists that digest already. */
    private void addToReferrersTag(String subjectDigest, JsonObject referrer) {
        String tag = subjectDigest.replace(':', '-');
        JsonObject index;
        if (client.hasManifest(target.repository(), tag)) {
            index = OciJson.parse(client.manifest(target.repository(), tag).bytes(), "the referrers index " + tag);
            for (JsonElement listed : index.getAsJsonArray("manifests")) {
                if (referrer.get("digest").equals(listed.getAsJsonObject().get("digest"))) {
                    return;
                }
            }
        } else {
            index = new JsonObject();
            index.addProperty("schemaVersion", 2);
            index.addProperty("mediaType", MediaTypes.INDEX);
            index.add("manifests", new JsonArray());
        }
        index.getAsJsonArray("manifests").add(referrer);
        client.putManifest(target.repository(), tag, OciJson.bytes(index), MediaTypes.INDEX);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
