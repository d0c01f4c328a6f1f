package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.buildcache.BuildCacheSettings;
import dev.gomvn.core.buildcache.FailedStores;
import dev.gomvn.core.buildcache.SharedBuildCache;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.UrlLogin;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.maven.MavenNetworkSettings;
import dev.gomvn.maven.UrlParameter;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals whose go commands compile, go:build and go:test, and so can share Go's build cache with other
 * machines through an HTTP store: the parameters of that cache and its start and summary around a goal.
 */
abstract class AbstractCachedGoMojo extends AbstractToolchainMojo {
    private static final String SERVER_ID = "<buildCacheServerId> (go.buildCache.serverId)";

    /**
     * Base URL of an HTTP store (GET, PUT) that go:build and go:test share as Go build cache with other machines,
     * e.g. a Nexus raw or Artifactory generic repository or nginx with WebDAV. Needs Go 1.24+.
     */
    @Parameter(property = "go.buildCache.url")
    UrlParameter buildCacheUrl;

    /** The id of a settings.xml &lt;server&gt; whose login the build cache store needs. */
    @Parameter(property = "go.buildCache.serverId")
    String buildCacheServerId;

    /** Take outputs from the build cache store but upload none (developer machines; CI writes). */
    @Parameter(property = "go.buildCache.readOnly", defaultValue = "false")
    boolean buildCacheReadOnly;

    /** The local directory the shared build cache answers go from before it asks the store. */
    @Parameter(
            property = "go.buildCache.directory",
            defaultValue = "${settings.localRepository}/.cache/gomvn/go-build-cache")
    File buildCacheDirectory;

    /**
     * Seconds the build cache store may take to connect or answer (a transfer a second more per 512 KiB), and an
     * upload from when go made the output, before this build goes on without it (go.connectTimeout and
     * go.readTimeout apply to the store too when shorter).
     */
    @Parameter(property = "go.buildCache.timeout", defaultValue = "10")
    int buildCacheTimeout;

    /**
     * Ready for this goal's go commands when buildCacheUrl is set; its run directory (for the cache programs'
     * reports) is per execution, so that two goals of one module never mix their summaries.
     */
    Optional<SharedBuildCache> startBuildCache(Toolchain toolchain) {
        String configuredUrl = buildCacheUrl == null ? null : buildCacheUrl.value();
        if (configuredUrl == null || configuredUrl.isBlank()) {
            return Optional.empty();
        }
        URI url = BuildCacheSettings.parseUrl(configuredUrl);
        if (!UrlLogin.redact(configuredUrl).equals(configuredUrl)) {
            getLog().warn(BuildCacheSettings.URL_PARAMETER + " holds a user:password@ login ("
                    + UrlLogin.redact(configuredUrl) + "). It is never printed, but a POM keeps it in version"
                    + " control and a -D in shell history: move the login to a settings.xml <server> and name it with "
                    + SERVER_ID + ".");
        }
        if (buildCacheTimeout <= 0) {
            throw new ConfigurationException(
                    "go.buildCache.timeout",
                    "<buildCacheTimeout> (go.buildCache.timeout) is " + buildCacheTimeout
                            + "; give the seconds the store may take, e.g. 10.");
        }
        Credentials credentials = buildCacheServerId == null || buildCacheServerId.isBlank()
                ? null
                : MavenNetworkSettings.serverCredentials(
                        session, settingsDecrypter, buildCacheServerId, "go.buildCache.serverId", SERVER_ID);
        BuildCacheSettings settings = new BuildCacheSettings(
                url,
                credentials,
                buildCacheReadOnly,
                buildCacheDirectory.toPath().toAbsolutePath(),
                Duration.ofSeconds(buildCacheTimeout),
                session.isOffline(),
                Duration.ofSeconds(connectTimeout),
                Duration.ofSeconds(readTimeout),
                toolchainSettings().proxyLogin());
        Path sdkDirectory = toolchainSettings().request(moduleDirectory()).sdkDirectory();
        Path runDirectory =
                Path.of(project.getBuild().getDirectory(), "go", "build-cache", mojoExecution.getExecutionId());
        return SharedBuildCache.start(
                settings, failedStoresOfThisBuild(), toolchain, sdkDirectory, runDirectory, goEnvironment(), goLog());
    }

    /** Kept for this build only: it ends with the build, also in a Maven daemon that runs many. */
    private FailedStores failedStoresOfThisBuild() {
        return buildContext().buildScoped(FailedStores.class, FailedStores::new);
    }
}
