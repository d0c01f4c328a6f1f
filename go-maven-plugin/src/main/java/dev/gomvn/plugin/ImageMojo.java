package dev.gomvn.plugin;

import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.ReproducibleTimestamp;
import dev.gomvn.image.AssembledImage;
import dev.gomvn.image.BaseImage;
import dev.gomvn.image.ImageAssembler;
import dev.gomvn.image.ImageSettings;
import dev.gomvn.image.ImageSummary;
import dev.gomvn.image.TargetBinaries;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packs the binaries go:build wrote and verified (no second compile) into one OCI image per linux target and an
 * image index over them, written under target/go/image as an OCI image layout, a tar of it, its digest and a JSON
 * summary. The same binaries and settings give the same digest on every machine.
 */
@Mojo(name = "image", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ImageMojo extends AbstractImageMojo {

    /**
     * The base image: an image reference (best pinned by digest), {@code oci:<directory>[:<name>]} for an OCI
     * image layout on disk, or {@code scratch}. Each platform takes the base's image for that platform.
     */
    @Parameter(
            property = "go.image.from",
            defaultValue =
                    "gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab")
    String from;

    /** Only these platforms go into the image, e.g. {@code linux/amd64,linux/arm/v7}; default: every linux target. */
    @Parameter(property = "go.image.platforms")
    List<String> platforms;

    /** The binary the image runs, when go:build built several per target. */
    @Parameter(property = "go.image.entrypoint")
    String entrypoint;

    /** The working directory of the container; default: the base's. */
    @Parameter(property = "go.image.workingDirectory")
    String workingDirectory;

    /** The user the container runs as, {@code uid[:gid]} or a name the base knows; default: the base's (65532:65532 for scratch). */
    @Parameter(property = "go.image.user")
    String user;

    /** Environment variables of the container, added to the base's. */
    @Parameter
    Map<String, String> containerEnvironment;

    /** Ports the container exposes, {@code 8080}, {@code 8080/tcp} or {@code 53/udp}. */
    @Parameter(property = "go.image.ports")
    List<String> ports;

    /** Labels of the image config. */
    @Parameter
    Map<String, String> labels;

    /** Annotations of the manifests and index, beside the {@code org.opencontainers.image.*} ones taken from the POM. */
    @Parameter
    Map<String, String> annotations;

    /** The VCS revision the image is built from ({@code org.opencontainers.image.revision}), e.g. {@code $(git rev-parse HEAD)}. */
    @Parameter(property = "go.image.revision")
    String revision;

    /**
     * The image's time (config, layer files), as for reproducible jars: ISO-8601 or seconds since 1970.
     * {@code SOURCE_DATE_EPOCH} wins when set; without either, 1970-01-01T00:00:00Z.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Where go:build wrote the binaries and their SHA256SUMS. */
    @Parameter(property = "go.outputDirectory", defaultValue = "${project.build.directory}/go/bin")
    File outputDirectory;

    @Override
    void run() {
        long started = System.nanoTime();
        ImageAssembler assembler = new ImageAssembler(goLog());
        List<TargetBinaries> targets =
                assembler.select(TargetBinaries.read(outputDirectory.toPath()), BuildMojo.splitCommas(platforms));
        Instant created = ReproducibleTimestamp.resolve(System.getenv("SOURCE_DATE_EPOCH"), outputTimestamp)
                .orElse(Instant.EPOCH);
        List<String> tagList = tagList();
        ImageSettings settings = new ImageSettings(
                imageReference(),
                tagList,
                Optional.ofNullable(entrypoint).filter(value -> !value.isBlank()),
                "/usr/local/bin",
                Optional.ofNullable(workingDirectory).filter(value -> !value.isBlank()),
                Optional.ofNullable(user).filter(value -> !value.isBlank()),
                containerEnvironment == null ? Map.of() : containerEnvironment,
                BuildMojo.splitCommas(ports),
                labels == null ? Map.of() : labels,
                pomAnnotations(),
                created);
        BaseImage base = BaseImage.from(from, registryAccess());
        getLog().info("Packing " + HumanReadable.count(targets.size(), "linux target", "linux targets") + " onto "
                + from);
        AssembledImage assembled = assembler.assemble(targets, base, settings, imageDirectory());
        ImageSummary.write(
                imageDirectory(), assembled.digest(), settings.image(), tagList, assembled.platforms(), false);
        getLog().info("Image " + assembled.digest() + " (" + String.join(", ", assembled.platforms()) + ") in "
                + imageDirectory()
                + ": OCI layout in layout/, the same as an OCI archive in image.tar, image.digest, image.json"
                + " [go:image " + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)) + "]");
    }

    /** The standard {@code org.opencontainers.image.*} annotations the POM knows, then the user's. */
    private Map<String, String> pomAnnotations() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("org.opencontainers.image.version", project.getVersion());
        result.put("org.opencontainers.image.title", project.getArtifactId());
        if (project.getDescription() != null && !project.getDescription().isBlank()) {
            result.put(
                    "org.opencontainers.image.description",
                    project.getDescription().strip());
        }
        String source = project.getScm() != null && project.getScm().getUrl() != null
                ? project.getScm().getUrl()
                : project.getUrl();
        if (source != null && !source.isBlank()) {
            result.put("org.opencontainers.image.source", source);
        }
        if (project.getUrl() != null && !project.getUrl().isBlank()) {
            result.put("org.opencontainers.image.url", project.getUrl());
        }
        if (revision != null && !revision.isBlank()) {
            result.put("org.opencontainers.image.revision", revision.strip());
        }
        String licenses = project.getLicenses().stream()
                .map(License::getName)
                .filter(name -> name != null && !name.isBlank())
                .collect(Collectors.joining(" OR "));
        if (!licenses.isEmpty()) {
            result.put("org.opencontainers.image.licenses", licenses);
        }
        if (project.getOrganization() != null && project.getOrganization().getName() != null) {
            result.put(
                    "org.opencontainers.image.vendor", project.getOrganization().getName());
        }
        if (annotations != null) {
            result.putAll(annotations);
        }
        return result;
    }
}
