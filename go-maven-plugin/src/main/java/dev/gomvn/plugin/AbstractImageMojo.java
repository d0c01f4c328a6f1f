package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.image.ImageReference;
import dev.gomvn.image.RegistryAccess;
import dev.gomvn.image.RegistryLogin;
import dev.gomvn.maven.MavenBuildContext;
import dev.gomvn.maven.MavenNetworkSettings;
import dev.gomvn.maven.ParameterValues;
import dev.gomvn.maven.ToolchainSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * What go:image and go:image-push share: the image reference and tags, the image directory, and how registries
 * are reached (logins from settings.xml {@code <server>} entries keyed by registry host, as jib does, else the
 * Docker configuration; plain http only when allowed).
 */
abstract class AbstractImageMojo extends AbstractMojo {

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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Component
    RepositorySystem repositorySystem;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || Boolean.parseBoolean(goSkip())) {
            getLog().info("Skipping: " + (skip ? "go.image.skip" : "go.skip") + " is true.");
            return;
        }
        quietRegistryLibrary();
        try {
            run();
        } catch (EnvironmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (GoCoreException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * The ORAS SDK logs beside gomvn's own lines: an ERROR with a stack trace for a registry that does not answer
     * (before gomvn's message that names it), an INFO line per blob mount. gomvn says what happened itself, so the
     * SDK's loggers are off unless -X asks for everything. Maven's logger (slf4j-simple) reads a logger's level from
     * this property when the logger is made, at the SDK's first use; a level the user set wins.
     */
    private void quietRegistryLibrary() {
        if (!getLog().isDebugEnabled()) {
            System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.land.oras", "off");
        }
    }

    /** go.skip skips go:build, so an image of its binaries must be skipped with it rather than fail for lack of them. */
    private String goSkip() {
        return session.getUserProperties()
                .getProperty("go.skip", project.getProperties().getProperty("go.skip", "false"));
    }

    abstract void run();

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

    RegistryAccess registryAccess() {
        return new RegistryAccess(
                this::login,
                allowInsecureRegistries,
                new ToolchainSettings(
                                ParameterValues.builder().build(),
                                MavenBuildContext.of(session, project, settingsDecrypter, repositorySystem))
                        .gomvnCache()
                        .resolve("images"),
                session.isOffline());
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

    GoLog goLog() {
        return GoLog.of(
                getLog()::info,
                getLog()::warn,
                getLog()::debug,
                getLog()::isDebugEnabled,
                session.getRequest().isInteractiveMode());
    }
}
