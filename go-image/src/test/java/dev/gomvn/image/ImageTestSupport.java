package dev.gomvn.image;

import com.google.gson.JsonObject;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Settings, a log that keeps its lines, and readers of what go:image wrote, for the image tests. */
final class ImageTestSupport {
    static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");

    private ImageTestSupport() {}

    static ImageSettings settings(Optional<ImageReference> image) {
        return new ImageSettings(
                image,
                List.of("1.0.0"),
                Optional.empty(),
                "/usr/local/bin",
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                List.of(),
                Map.of(),
                Map.of("org.opencontainers.image.version", "1.0.0"),
                TIME);
    }

    static ImageSettings settings() {
        return settings(Optional.empty());
    }

    /** Registries reached as the plugin reaches them, with the default timeouts and no proxy. */
    static RegistryAccess access(
            Function<String, RegistryLogin> logins, boolean insecure, Path cache, boolean offline) {
        return new RegistryAccess(
                logins, insecure, cache, NetworkSettings.defaults().withOffline(offline), new Lines());
    }

    static final class Lines implements GoLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }

    static AssembledImage assemble(Path output, BaseImage base, ImageSettings settings, String... binaries) {
        Path bin = FakeBinaries.write(output.resolve("bin"), binaries);
        ImageAssembler assembler = new ImageAssembler(new Lines());
        return assembler.assemble(
                assembler.select(TargetBinaries.read(bin), List.of()), base, settings, output.resolve("image"));
    }

    static JsonObject json(Path layout, String digest) {
        OciLayout opened = OciLayout.open(layout, "test");
        return OciJson.parse(opened.readBlob(OciDescriptor.of(null, digest, -1)), digest);
    }

    /** The files of a gzipped layer: tar entry by name. */
    static Map<String, Entry> layerEntries(InputStream gzip) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(gzip))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                tar.transferTo(content);
                entries.put(entry.getName(), new Entry(entry, content.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static Map<String, Entry> layerEntries(Path gzip) {
        try (InputStream in = Files.newInputStream(gzip)) {
            return layerEntries(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Entry(TarArchiveEntry header, byte[] content) {}
}
