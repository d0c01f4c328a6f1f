package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.image.ImageReference;
import dev.gomvn.image.RegistryAccess;
import dev.gomvn.image.RegistryLogin;
import dev.gomvn.maven.MavenNetworkSettings;
import dev.gomvn.maven.ToolchainSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What go:image and go:image-push share: the image reference and tags, the image directory, and how registries
 * are reached (logins from settings.xml {@code <server>} entries keyed by registry host, as jib does, else the
 * Docker configuration; plain http only when allowed).
 */
abstract class AbstractImageMojo extends AbstractGoMojo {

    /**
     * Where the image is pushed, {@code registry/repository} (e.g. {@code ghcr.io/acme/operator}); the tags come
     * from &lt;tags&gt;.
     */
    @Parameter(property = "go.image")
    String image;

    /** Tags the image is pushed with, comma separated or as &lt;tag&gt; elements. */
    @Parameter(property = "go.image.tags", defaultValue = "${project.version}")
    List<String> tags;

    /**
     * The settings.xml &lt;server&gt; whose &lt;username&gt;/&lt;password&gt; log in to the registries. Default: the
     * server whose id is the registry host (e.g. {@code ghcr.io}, {@code registry.example.com:5000}); without one,
     * the Docker configuration and its credential helpers.
     */
    @Parameter(property = "go.image.serverId")
    String serverId;

    /** Allow registries that speak plain http (only for registries you trust, e.g. one on localhost). */
    @Parameter(property = "go.image.allowInsecureRegistries", defaultValue = "false")
    boolean allowInsecureRegistries;

    /** Where go:image writes the OCI layout, image.tar, image.digest and image.json, and go:image-push reads them. */
    @Parameter(property = "go.image.directory", defaultValue = "${project.build.directory}/go/image")
    File imageDirectory;

    /** Skip this goal (go.skip, which skips every goal, skips it too). */
    @Parameter(property = "go.image.skip", defaultValue = "false")
    boolean skip;

    /** go.skip skips go:build, so an image of its binaries must be skipped with it rather than fail for lack of them. */
    @Override
    Optional<String> skipReason() {
        if (skip) {
            return Optional.of("go.image.skip");
        }
        String goSkip = session.getUserProperties()
                .getProperty("go.skip", project.getProperties().getProperty("go.skip", "false"));
        return Boolean.parseBoolean(goSkip) ? Optional.of("go.skip") : Optional.empty();
    }

    Optional<ImageReference> imageReference() {
        return image == null || image.isBlank()
                ? Optional.empty()
                : Optional.of(ImageReference.parse(image, "<image> (go.image)", "go.image"));
    }

    List<String> tagList() {
        List<String> list = BuildMojo.splitCommas(tags);
        for (String tag : list) {
            if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
                throw new ConfigurationException(
                        "go.image.tags",
                        "<tags> (go.image.tags) has '" + tag
                                + "', which is not an image tag: letters, digits, _ . - (not first), at most 128.");
            }
        }
        return list;
    }

    Path imageDirectory() {
        return imageDirectory.toPath();
    }

    /** settings.xml proxies, the timeouts and retries, and -o, as every other download of the build has them. */
    RegistryAccess registryAccess() {
        return new RegistryAccess(
                this::login,
                allowInsecureRegistries,
                new ToolchainSettings(networkParameters().build(), buildContext())
                        .gomvnCache()
                        .resolve("images"),
                networkSettings(),
                goLog());
    }

    private RegistryLogin login(String registry) {
        String id = serverId == null || serverId.isBlank() ? registry : serverId;
        if (session.getSettings().getServer(id) == null && (serverId == null || serverId.isBlank())) {
            return new RegistryLogin(id, Optional.empty());
        }
        return new RegistryLogin(
                id,
                Optional.of(MavenNetworkSettings.serverCredentials(
                        session, settingsDecrypter, id, "go.image.serverId", "<serverId> (go.image.serverId)")));
    }
}
