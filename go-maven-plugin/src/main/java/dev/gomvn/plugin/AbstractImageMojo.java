package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.image.ImageReference;
import dev.gomvn.image.RegistryAccess;
import dev.gomvn.image.RegistryLogin;
import dev.gomvn.maven.GoParameter;
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

    /** Seconds to wait for a connection to a registry (or the proxy in front of it). */
    @Parameter(property = "go.connectTimeout", defaultValue = "20")
    int connectTimeout;

    /** Seconds a registry may take to answer, or stall while sending, before the request is retried or fails. */
    @Parameter(property = "go.readTimeout", defaultValue = "60")
    int readTimeout;

    /** Extra attempts after a server error, a reset connection or no answer in time (not for uploads). */
    @Parameter(property = "go.retries", defaultValue = "3")
    int retries;

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
        try {
            run();
        } catch (EnvironmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (GoCoreException e) {
            throw new MojoFailureException(e.getMessage(), e);
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

    /** settings.xml proxies, the timeouts and retries, and -o, as every other download of the build has them. */
    RegistryAccess registryAccess() {
        ToolchainSettings settings = new ToolchainSettings(
                ParameterValues.builder()
                        .put(GoParameter.CONNECT_TIMEOUT, connectTimeout)
                        .put(GoParameter.READ_TIMEOUT, readTimeout)
                        .put(GoParameter.RETRIES, retries)
                        .build(),
                MavenBuildContext.of(session, project, settingsDecrypter, repositorySystem));
        return new RegistryAccess(
                this::login,
                allowInsecureRegistries,
                settings.gomvnCache().resolve("images"),
                settings.network(),
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

    GoLog goLog() {
        return GoLog.of(
                getLog()::info,
                getLog()::warn,
                getLog()::debug,
                getLog()::isDebugEnabled,
                session.getRequest().isInteractiveMode());
    }
}
