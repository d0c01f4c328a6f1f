package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gomvn.core.BoundedParallel;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Turns the verified binaries of the linux targets into one image per platform (the base's layers for that platform
 * plus one layer with the binaries) and an image index over them, written as an OCI image layout and a tar of it.
 * Everything written depends only on the binaries, the base and the settings, so the index digest is the same on
 * every machine.
 */
public final class ImageAssembler {
    private final GoLog log;

    public ImageAssembler(GoLog log) {
        this.log = log;
    }

    /** The linux targets, in the order built; others are skipped with a line saying so, or refused if all are. */
    public List<TargetBinaries> select(List<TargetBinaries> built, List<String> platforms) {
        List<TargetBinaries> linux = new ArrayList<>();
        for (TargetBinaries target : built) {
            if (!target.target().goos().equals("linux")) {
                log.info("Skipping " + target.target() + " for the image: container images hold linux binaries only.");
            } else if (!platforms.isEmpty()
                    && !platforms.contains(ImagePlatform.of(target.target()).toString())
                    && !platforms.contains(target.target().toString())) {
                log.info("Skipping " + target.target() + " for the image: not among <platforms> " + platforms + ".");
            } else {
                linux.add(target);
            }
        }
        if (linux.isEmpty()) {
            throw new ConfigurationException(
                    "go.targets",
                    "go:image found no linux binaries to pack (go:build built "
                            + (built.isEmpty()
                                    ? "nothing"
                                    : built.stream()
                                            .map(t -> t.target().toString())
                                            .toList())
                            + (platforms.isEmpty() ? "" : ", <platforms> (go.image.platforms) asks for " + platforms)
                            + "); add linux targets to <targets> (go.targets), e.g. linux/amd64,linux/arm64.");
        }
        return linux;
    }

    public AssembledImage assemble(
            List<TargetBinaries> targets, BaseImage base, ImageSettings settings, Path outputDirectory) {
        OciLayout layout = OciLayout.create(outputDirectory.resolve("layout"));
        String created = DateTimeFormatter.ISO_INSTANT.format(settings.created());
        // Every check first (binaries, the base's platforms), so a refused image costs no compression.
        List<BaseImage.PlatformBase> platformBases = new ArrayList<>();
        for (TargetBinaries target : targets) {
            target.verifyHeaders();
            BaseImage.PlatformBase platformBase = base.forPlatform(ImagePlatform.of(target.target()));
            platformBase.copyLayers(layout);
            platformBases.add(platformBase);
        }
        List<BinaryLayer> binaryLayers = writeLayers(targets, settings, outputDirectory);
        List<OciDescriptor> manifests = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetBinaries target = targets.get(i);
            ImagePlatform platform = ImagePlatform.of(target.target());
            BaseImage.PlatformBase platformBase = platformBases.get(i);
            LayerTar.Layer layer = binaryLayers.get(i).layer();
            layout.adoptBlob(layer.file(), layer.descriptor().digest());

            OciDescriptor configDescriptor = layout.writeJson(
                    MediaTypes.CONFIG,
                    config(platform, platformBase, layer, entrypoint(target, settings), base, settings));

            JsonObject manifest = new JsonObject();
            manifest.addProperty("schemaVersion", 2);
            manifest.addProperty("mediaType", MediaTypes.MANIFEST);
            manifest.add("config", configDescriptor.toJson());
            JsonArray layers = new JsonArray();
            platformBase
                    .layers()
                    .forEach(descriptor ->
                            layers.add(MediaTypes.asOciLayer(descriptor).toJson()));
            layers.add(layer.descriptor().toJson());
            manifest.add("layers", layers);
            manifest.add("annotations", OciDescriptor.annotations(manifestAnnotations(base, settings, created)));
            manifests.add(layout.writeJson(MediaTypes.MANIFEST, manifest).withPlatform(platform));
            log.info("Image for " + platform + ": "
                    + (base.isScratch() ? "" : platformBase.layers().size() + " base layers + ")
                    + "1 layer with " + String.join(", ", target.binaries().keySet()) + " ("
                    + HumanReadable.size(layer.descriptor().size()) + " gzipped"
                    + (binaryLayers.get(i).reused() ? ", the binaries unchanged since the last go:image" : "") + ")");
        }
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.addProperty("mediaType", MediaTypes.INDEX);
        JsonArray entries = new JsonArray();
        manifests.forEach(manifest -> entries.add(manifest.toJson()));
        index.add("manifests", entries);
        index.add("annotations", OciDescriptor.annotations(manifestAnnotations(base, settings, created)));
        OciDescriptor indexDescriptor = layout.writeJson(MediaTypes.INDEX, index);
        layout.writeIndex(indexDescriptor.withAnnotations(refNames(settings)));
        Path tar = outputDirectory.resolve("image.tar");
        layout.exportTar(tar, settings.created());
        return new AssembledImage(layout.directory(), tar, indexDescriptor, manifests);
    }

    /** The image config of one platform: the base's runtime settings with ours over them, its layers' diff ids. */
    private static JsonObject config(
            ImagePlatform platform,
            BaseImage.PlatformBase platformBase,
            LayerTar.Layer layer,
            String entrypoint,
            BaseImage base,
            ImageSettings settings) {
        List<String> diffIds = new ArrayList<>(platformBase.diffIds());
        diffIds.add(layer.diffId());
        JsonObject config = new JsonObject();
        config.addProperty("created", DateTimeFormatter.ISO_INSTANT.format(settings.created()));
        config.addProperty("architecture", platform.architecture());
        config.addProperty("os", platform.os());
        if (platform.variant() != null) {
            config.addProperty("variant", platform.variant());
        }
        config.add("config", runtimeConfig(platformBase.config(), entrypoint, base, settings));
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        JsonArray ids = new JsonArray();
        diffIds.forEach(ids::add);
        rootfs.add("diff_ids", ids);
        config.add("rootfs", rootfs);
        return config;
    }

    /** A target's layer, and whether it came from the {@link LayerCache} rather than from gzip. */
    private record BinaryLayer(LayerTar.Layer layer, boolean reused) {}

    /**
     * Each target's layer with its binaries: from the layer cache when the binaries are the ones of the last image,
     * else written one target per core: gzip is most of go:image's time (about 0.4 s per 15 MB binary), and the
     * platforms' layers do not depend on each other.
     */
    private static List<BinaryLayer> writeLayers(
            List<TargetBinaries> targets, ImageSettings settings, Path outputDirectory) {
        LayerCache cache = new LayerCache(outputDirectory.resolve("layer-cache"));
        List<String> keys = new ArrayList<>();
        List<Supplier<BinaryLayer>> writing = new ArrayList<>();
        for (TargetBinaries target : targets) {
            Map<String, Path> files = new TreeMap<>();
            Map<String, String> sha256 = new TreeMap<>();
            target.binaries().forEach((name, file) -> {
                files.put(settings.binaryDirectory() + "/" + name, file);
                sha256.put(
                        settings.binaryDirectory() + "/" + name, target.sha256().get(name));
            });
            String key = LayerCache.key(sha256, settings.created());
            keys.add(key);
            Path output = outputDirectory.resolve(target.target().directoryName() + ".layer.tmp");
            writing.add(() -> cache.find(key, output)
                    .map(cached -> new BinaryLayer(cached, true))
                    .orElseGet(() -> {
                        LayerTar.Layer written = LayerTar.write(files, settings.created(), output);
                        cache.store(key, written);
                        return new BinaryLayer(written, false);
                    }));
        }
        List<BinaryLayer> layers = BoundedParallel.run(
                "writing the image layers", Runtime.getRuntime().availableProcessors(), writing);
        cache.retainOnly(keys);
        return layers;
    }

    private static String entrypoint(TargetBinaries target, ImageSettings settings) {
        Map<String, Path> binaries = target.binaries();
        if (settings.entrypoint().isPresent()) {
            String name = settings.entrypoint().get();
            if (!binaries.containsKey(name)) {
                throw new ConfigurationException(
                        "go.image.entrypoint",
                        "<entrypoint> (go.image.entrypoint) is '" + name + "', but go:build built " + binaries.keySet()
                                + " for " + target.target() + "; name one of them.");
            }
            return settings.binaryDirectory() + "/" + name;
        }
        if (binaries.size() != 1) {
            throw new ConfigurationException(
                    "go.image.entrypoint",
                    "go:build built " + binaries.size() + " binaries for " + target.target() + " " + binaries.keySet()
                            + "; name the one the image runs in <entrypoint> (go.image.entrypoint).");
        }
        return settings.binaryDirectory() + "/" + binaries.keySet().iterator().next();
    }

    /**
     * The base's runtime config with the binary as entrypoint and the settings applied. The base's Cmd is dropped:
     * it was written for the base's own entrypoint and would become the binary's arguments.
     */
    private static JsonObject runtimeConfig(
            JsonObject base, String entrypoint, BaseImage baseImage, ImageSettings settings) {
        JsonObject config = new JsonObject();
        Optional<String> user = settings.user()
                .or(() -> Optional.ofNullable(OciJson.string(base, "User")).filter(u -> !u.isEmpty()))
                .or(() -> baseImage.isScratch() ? Optional.of(ImageSettings.NON_ROOT) : Optional.empty());
        user.ifPresent(value -> config.addProperty("User", value));

        Map<String, String> ports = new TreeMap<>();
        if (base.has("ExposedPorts")) {
            base.getAsJsonObject("ExposedPorts").keySet().forEach(port -> ports.put(port, ""));
        }
        for (String port : settings.ports()) {
            ports.put(normalizedPort(port), "");
        }
        if (!ports.isEmpty()) {
            JsonObject exposed = new JsonObject();
            ports.keySet().forEach(port -> exposed.add(port, new JsonObject()));
            config.add("ExposedPorts", exposed);
        }

        Map<String, String> environment = new LinkedHashMap<>();
        if (base.has("Env")) {
            for (JsonElement entry : base.getAsJsonArray("Env")) {
                String text = entry.getAsString();
                int equals = text.indexOf('=');
                environment.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        environment.putIfAbsent("PATH", ImageSettings.DEFAULT_PATH);
        environment.putAll(new TreeMap<>(settings.environment()));
        JsonArray env = new JsonArray();
        environment.forEach((key, value) -> env.add(key + "=" + value));
        config.add("Env", env);

        JsonArray entrypointArray = new JsonArray();
        entrypointArray.add(entrypoint);
        config.add("Entrypoint", entrypointArray);

        Optional<String> workingDirectory = settings.workingDirectory()
                .or(() ->
                        Optional.ofNullable(OciJson.string(base, "WorkingDir")).filter(w -> !w.isEmpty()));
        workingDirectory.ifPresent(value -> config.addProperty("WorkingDir", value));

        Map<String, String> labels = new TreeMap<>();
        if (base.has("Labels") && base.get("Labels").isJsonObject()) {
            base.getAsJsonObject("Labels")
                    .entrySet()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
        }
        labels.putAll(settings.labels());
        if (!labels.isEmpty()) {
            config.add("Labels", OciDescriptor.annotations(labels));
        }
        if (base.has("StopSignal")) {
            config.add("StopSignal", base.get("StopSignal"));
        }
        return config;
    }

    static String normalizedPort(String port) {
        String text = port.strip().toLowerCase(Locale.ROOT);
        if (!text.matches("[0-9]{1,5}(/(tcp|udp|sctp))?")
                || Integer.parseInt(text.replaceAll("/.*", "")) > 65535
                || Integer.parseInt(text.replaceAll("/.*", "")) == 0) {
            throw new ConfigurationException(
                    "go.image.ports",
                    "<ports> (go.image.ports) has '" + port
                            + "', which is not a port; write 8080, 8080/tcp or 53/udp.");
        }
        return text.contains("/") ? text : text + "/tcp";
    }

    private static Map<String, String> manifestAnnotations(BaseImage base, ImageSettings settings, String created) {
        Map<String, String> annotations = new TreeMap<>(settings.annotations());
        annotations.put("org.opencontainers.image.created", created);
        if (!base.isScratch()) {
            base.publishedName().ifPresent(name -> annotations.put("org.opencontainers.image.base.name", name));
            base.digest().ifPresent(digest -> annotations.put("org.opencontainers.image.base.digest", digest));
        }
        return annotations;
    }

    /** The names {@code docker load} and {@code podman load} give the loaded image. */
    private static Map<String, String> refNames(ImageSettings settings) {
        Map<String, String> names = new TreeMap<>();
        String tag = settings.tags().isEmpty() ? "latest" : settings.tags().get(0);
        names.put(OciLayout.REF_NAME, tag);
        settings.image()
                .ifPresent(image ->
                        names.put("io.containerd.image.name", image.withTag(tag).toString()));
        return names;
    }
}
