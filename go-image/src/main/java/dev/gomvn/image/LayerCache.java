package dev.gomvn.image;

import com.google.gson.JsonObject;
import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The binaries' layers go:image wrote last time, by what they hold. A layer depends only on its files' paths and
 * contents, the image's time and the JDK's gzip, so when go:build left the binaries as they were, the layer is
 * taken from here instead of being compressed again (most of go:image's time). It lives in the image directory,
 * so {@code mvn clean} empties it, and keeps only the layers of the last image.
 */
final class LayerCache {
    /** Raise it when {@link LayerTar} writes other bytes for the same files. */
    private static final String FORMAT = "gomvn layer 1";

    private final Path directory;

    LayerCache(Path directory) {
        this.directory = directory;
    }

    /**
     * What a layer is made of: every file's path in the image and SHA-256, the image's time, and the Java runtime
     * whose zlib compresses it.
     */
    static String key(Map<String, String> sha256ByImagePath, Instant time) {
        StringBuilder text = new StringBuilder(FORMAT)
                .append('\n')
                .append(System.getProperty("java.vm.vendor"))
                .append(' ')
                .append(System.getProperty("java.vm.version"))
                .append('\n')
                .append(time.toEpochMilli())
                .append('\n');
        new TreeMap<>(sha256ByImagePath)
                .forEach((path, sha256) ->
                        text.append(path).append('\t').append(sha256).append('\n'));
        return HexFormat.of()
                .formatHex(Sha256.newDigest().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The cached layer for {@code key}, copied to {@code output}; empty when there is none or it is not the layer
     * its record says (a damaged file is written again, never used).
     */
    Optional<LayerTar.Layer> find(String key, Path output) {
        Path blob = directory.resolve(key + ".tar.gz");
        Path record = directory.resolve(key + ".json");
        if (!Files.isRegularFile(blob) || !Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try {
            JsonObject fields = OciJson.parse(Files.readAllBytes(record), record.toString());
            String digest = OciJson.string(fields, "digest");
            String diffId = OciJson.string(fields, "diffId");
            if (digest == null || diffId == null || !digest.equals("sha256:" + Sha256.of(blob))) {
                return Optional.empty();
            }
            Files.copy(blob, output, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(new LayerTar.Layer(
                    output, OciDescriptor.of(MediaTypes.LAYER_GZIP, digest, Files.size(output)), diffId));
        } catch (IOException | GoCoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a copy of a layer just written. Each file appears whole (written aside, then moved): two targets with
     * the same binaries store the same key at once.
     */
    void store(String key, LayerTar.Layer layer) {
        JsonObject fields = new JsonObject();
        fields.addProperty("digest", layer.descriptor().digest());
        fields.addProperty("diffId", layer.diffId());
        try {
            AtomicFiles.replace(
                    directory.resolve(key + ".tar.gz"),
                    blob -> Files.copy(layer.file(), blob, StandardCopyOption.REPLACE_EXISTING));
            AtomicFiles.write(directory.resolve(key + ".json"), OciJson.bytes(fields));
        } catch (IOException e) {
            throw new EnvironmentException("Could not keep the image layer in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Removes the layers of earlier images, so the cache holds one image's layers, not every build's. */
    void retainOnly(Collection<String> keys) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String key = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                if (!keys.contains(key)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not remove old image layers from " + directory + ": " + e.getMessage(), e);
        }
    }
}
