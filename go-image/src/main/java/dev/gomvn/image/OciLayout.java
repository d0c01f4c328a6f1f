package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/<hex>}): what
 * {@code go:image} writes, what {@code go:image-push} pushes from, and a form a base image can be read from.
 */
public final class OciLayout {
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private final Path directory;

    private OciLayout(Path directory) {
        this.directory = directory;
    }

    /** An empty layout in {@code directory}; whatever was there is removed. */
    static OciLayout create(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(directory.resolve("blobs").resolve("sha256"));
            Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not create the OCI image layout " + directory + ": " + e.getMessage(), e);
        }
        return new OciLayout(directory);
    }

    /** An existing layout, as {@code go:image} left it or as a base image on disk. */
    public static OciLayout open(Path directory, String role) {
        if (!Files.isRegularFile(directory.resolve("oci-layout"))
                || !Files.isRegularFile(directory.resolve("index.json"))) {
            throw new VerificationException(
                    directory + " is not an OCI image layout (no oci-layout and index.json in it); " + role);
        }
        return new OciLayout(directory);
    }

    public Path directory() {
        return directory;
    }

    Path blob(String digest) {
        return directory.resolve("blobs").resolve("sha256").resolve(digest.substring(digest.indexOf(':') + 1));
    }

    boolean hasBlob(String digest) {
        return Files.isRegularFile(blob(digest));
    }

    byte[] readBlob(OciDescriptor descriptor) {
        try {
            byte[] bytes = Files.readAllBytes(blob(descriptor.digest()));
            String actual = OciDescriptor.digestOf(bytes);
            if (!actual.equals(descriptor.digest())) {
                throw new VerificationException(blob(descriptor.digest()) + " has digest " + actual + ", not "
                        + descriptor.digest() + ": the layout " + directory + " is damaged.");
            }
            return bytes;
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not read " + descriptor.digest() + " from the OCI layout " + directory + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Stores a JSON document (config, manifest, index) as a blob and describes it. */
    OciDescriptor writeJson(String mediaType, JsonObject document) {
        byte[] bytes = OciJson.bytes(document);
        String digest = OciDescriptor.digestOf(bytes);
        try {
            AtomicFiles.write(blob(digest), bytes);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + blob(digest) + ": " + e.getMessage(), e);
        }
        return OciDescriptor.of(mediaType, digest, bytes.length);
    }

    /** Moves a file whose digest is known into the blobs. */
    void adoptBlob(Path file, String digest) {
        try {
            Files.move(file, blob(digest), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EnvironmentException("Could not move " + file + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Copies a blob from another place (a base image's layout or cache), checking its digest on the way. */
    void copyBlob(Path source, OciDescriptor descriptor) {
        if (hasBlob(descriptor.digest())) {
            return;
        }
        try {
            AtomicFiles.replace(blob(descriptor.digest()), partial -> {
                var digest = Sha256.newDigest();
                try (InputStream in = Files.newInputStream(source);
                        OutputStream out = Files.newOutputStream(partial)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        digest.update(buffer, 0, read);
                        out.write(buffer, 0, read);
                    }
                }
                String actual = OciDescriptor.digestOf(digest);
                if (!actual.equals(descriptor.digest())) {
                    throw new VerificationException(source + " has digest " + actual + ", not " + descriptor.digest()
                            + " as its manifest says.");
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not copy " + source + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The layout's top-level descriptors (index.json's manifests). */
    List<OciDescriptor> manifests() {
        try {
            JsonObject index =
                    OciJson.parse(Files.readAllBytes(directory.resolve("index.json")), directory + "/index.json");
            List<OciDescriptor> descriptors = new ArrayList<>();
            index.getAsJsonArray("manifests")
                    .forEach(entry -> descriptors.add(OciDescriptor.fromJson(entry.getAsJsonObject())));
            return descriptors;
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + directory + "/index.json: " + e.getMessage(), e);
        }
    }

    /** The descriptor that index.json names {@code refName}, or its only one when no name is asked. */
    OciDescriptor manifest(Optional<String> refName) {
        List<OciDescriptor> manifests = manifests();
        if (refName.isEmpty()) {
            if (manifests.size() != 1) {
                throw new VerificationException("The OCI layout " + directory + " holds " + manifests.size()
                        + " images; name one as oci:" + directory + ":<name> (names: " + refNames(manifests) + ").");
            }
            return manifests.get(0);
        }
        return manifests.stream()
                .filter(descriptor ->
                        refName.get().equals(descriptor.annotations().get(REF_NAME)))
                .findFirst()
                .orElseThrow(() -> new VerificationException("The OCI layout " + directory + " has no image named '"
                        + refName.get() + "' (names: " + refNames(manifests) + ")."));
    }

    private static String refNames(List<OciDescriptor> manifests) {
        TreeSet<String> names = new TreeSet<>();
        manifests.forEach(descriptor -> names.add(descriptor.annotations().getOrDefault(REF_NAME, "(none)")));
        return String.join(", ", names);
    }

    /** Writes index.json naming the one image of this layout. */
    void writeIndex(OciDescriptor image) {
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.addProperty("mediaType", MediaTypes.INDEX);
        JsonArray manifests = new JsonArray();
        manifests.add(image.toJson());
        index.add("manifests", manifests);
        try {
            AtomicFiles.write(directory.resolve("index.json"), OciJson.bytes(index));
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + directory + "/index.json: " + e.getMessage(), e);
        }
    }

    /**
     * The layout as one tar ({@code docker load}, {@code podman load}, {@code crane push} read it): entries sorted,
     * owned by root, mode 0644/0755, all with the image's time, so the same layout always gives the same bytes.
     */
    void exportTar(Path tar, Instant time) {
        List<Path> entries;
        try (Stream<Path> files = Files.walk(directory)) {
            entries = files.filter(path -> !path.equals(directory))
                    .sorted((a, b) -> relative(a).compareTo(relative(b)))
                    .toList();
        } catch (IOException e) {
            throw new EnvironmentException("Could not list " + directory + ": " + e.getMessage(), e);
        }
        try (TarArchiveOutputStream out =
                new TarArchiveOutputStream(Files.newOutputStream(tar), StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : entries) {
                boolean isDirectory = Files.isDirectory(path);
                TarArchiveEntry entry = new TarArchiveEntry(relative(path) + (isDirectory ? "/" : ""));
                LayerTar.normalize(entry, isDirectory ? 0755 : 0644, time);
                if (!isDirectory) {
                    entry.setSize(Files.size(path));
                }
                out.putArchiveEntry(entry);
                if (!isDirectory) {
                    Files.copy(path, out);
                }
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + tar + ": " + e.getMessage(), e);
        }
    }

    private String relative(Path path) {
        return directory.relativize(path).toString().replace('\\', '/');
    }
}
