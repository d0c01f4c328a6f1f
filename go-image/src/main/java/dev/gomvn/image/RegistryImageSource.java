package dev.gomvn.image;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A base image in a registry, read through a local cache keyed by digest (and, for tags, the digest each tag
 * last pointed to), so a second build downloads nothing and {@code -o} works once the base was fetched.
 */
final class RegistryImageSource implements ImageSource {
    private final RegistryClient client;
    private final ImageReference image;
    private final Path cache;
    private final boolean offline;

    RegistryImageSource(RegistryClient client, ImageReference image, Path cache, boolean offline) {
        this.client = client;
        this.image = image;
        this.cache = cache;
        this.offline = offline;
    }

    @Override
    public String describe(String reference) {
        return image.toString();
    }

    @Override
    public Optional<String> publishedName(String reference) {
        return Optional.of(
                new ImageReference(image.registry(), image.repository(), image.tag(), Optional.empty()).toString());
    }

    @Override
    public Manifest manifest(String reference) {
        String digest = reference.startsWith("sha256:") ? reference : null;
        Path tagFile = cache.resolve("tags")
                .resolve(image.registry().replace(':', '_'))
                .resolve(image.repository())
                .resolve(reference);
        if (digest == null && offline) {
            digest = readTag(tagFile);
        }
        if (digest != null && Files.isRegularFile(blobFile(digest))) {
            byte[] bytes = read(blobFile(digest));
            checkDigest(bytes, digest);
            return new Manifest(
                    bytes, LayoutImageSource.mediaTypeOf(bytes, OciDescriptor.of(null, digest, -1)), digest);
        }
        if (offline) {
            throw new EnvironmentException(
                    "The base image " + image + " is not in the image cache " + cache
                            + " and Maven runs offline (-o); build once online, or use a base from an OCI layout on disk (<from>oci:/path</from>).");
        }
        RegistryClient.FetchedManifest fetched = client.manifest(image.repository(), reference);
        write(blobFile(fetched.digest()), fetched.bytes());
        if (!reference.startsWith("sha256:")) {
            write(tagFile, fetched.digest().getBytes(StandardCharsets.US_ASCII));
        }
        String mediaType = fetched.mediaType().isEmpty()
                ? LayoutImageSource.mediaTypeOf(fetched.bytes(), OciDescriptor.of(null, fetched.digest(), -1))
                : fetched.mediaType();
        return new Manifest(fetched.bytes(), mediaType, fetched.digest());
    }

    @Override
    public Path blob(OciDescriptor descriptor) {
        Path file = blobFile(descriptor.digest());
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (offline) {
            throw new EnvironmentException("The layer " + descriptor.digest() + " of the base image " + image
                    + " is not in the image cache " + cache + " and Maven runs offline (-o); build once online.");
        }
        client.fetchBlob(image.repository(), descriptor.digest(), file);
        return file;
    }

    @Override
    public byte[] blobBytes(OciDescriptor descriptor) {
        byte[] bytes = read(blob(descriptor));
        checkDigest(bytes, descriptor.digest());
        return bytes;
    }

    private Path blobFile(String digest) {
        return cache.resolve("blobs").resolve("sha256").resolve(digest.substring(digest.indexOf(':') + 1));
    }

    private String readTag(Path tagFile) {
        return Files.isRegularFile(tagFile) ? new String(read(tagFile), StandardCharsets.US_ASCII).strip() : null;
    }

    private void checkDigest(byte[] bytes, String digest) {
        String actual = OciDescriptor.digestOf(bytes);
        if (!actual.equals(digest)) {
            throw new VerificationException("The cached " + digest + " of " + image + " in " + cache + " has digest "
                    + actual + "; delete " + cache + " and build again.");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
