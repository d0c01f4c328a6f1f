package dev.gomvn.image;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What pipelines read after {@code go:image} (and {@code go:image-push}), like jib's jib-image.json: {@code image.digest}
 * holds the index digest alone, {@code image.json} the reference, digest, tags, platforms, files and whether it was pushed.
 */
public final class ImageSummary {
    public static final String DIGEST_FILE = "image.digest";
    public static final String JSON_FILE = "image.json";

    private ImageSummary() {}

    public static void write(
            Path outputDirectory,
            String digest,
            Optional<ImageReference> image,
            List<String> tags,
            List<String> platforms,
            boolean pushed) {
        JsonObject summary = new JsonObject();
        summary.addProperty("image", image.map(ImageReference::name).orElse(null));
        summary.addProperty("imageDigest", digest);
        JsonArray tagArray = new JsonArray();
        tags.forEach(tagArray::add);
        summary.add("tags", tagArray);
        JsonArray platformArray = new JsonArray();
        platforms.forEach(platformArray::add);
        summary.add("platforms", platformArray);
        summary.addProperty("layout", "layout");
        summary.addProperty("tar", "image.tar");
        summary.addProperty("imagePushed", pushed);
        try {
            AtomicFiles.write(
                    outputDirectory.resolve(DIGEST_FILE), (digest + "\n").getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.write(
                    outputDirectory.resolve(JSON_FILE),
                    (new GsonBuilder()
                                            .setPrettyPrinting()
                                            .disableHtmlEscaping()
                                            .serializeNulls()
                                            .create()
                                            .toJson(summary)
                                    + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not write the image summary in " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The platforms an assembled layout holds, for go:image-push's summary. */
    public static List<String> platformsOf(OciLayout layout) {
        OciDescriptor index = layout.manifest(Optional.empty());
        JsonObject json = OciJson.parse(layout.readBlob(index), "the image index " + index.digest());
        return json.getAsJsonArray("manifests").asList().stream()
                .map(entry -> OciDescriptor.fromJson(entry.getAsJsonObject())
                        .platform()
                        .map(ImagePlatform::toString)
                        .orElse("?"))
                .toList();
    }
}
