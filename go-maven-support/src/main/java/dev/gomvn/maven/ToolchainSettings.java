package dev.gomvn.maven;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.env.CacheDirectory;
import dev.gomvn.core.modules.ModuleDownloads;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxyEnvironment;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.net.UrlLogin;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@link GoParameter} values of a goal or a rule into what the core needs, the one place
 * where each parameter is used, so that goals and rules resolve the same Go with the same environment.
 */
public final class ToolchainSettings {
    private final ParameterValues parameters;
    private final MavenBuildContext context;
    // Decrypting settings.xml and merging the environment once per goal or rule, not once per use.
    private NetworkSettings network;
    private Map<String, String> goEnvironment;

    public ToolchainSettings(ParameterValues parameters, MavenBuildContext context) {
        this.parameters = parameters;
        this.context = context;
    }

    /** {@code go.moduleDirectory}; without a POM ({@code mvn go:toolchain} in a bare Go module) the current directory. */
    public Path moduleDirectory() {
        return parameters
                .path(GoParameter.MODULE_DIRECTORY)
                .orElseGet(() -> new File(context.session().getExecutionRootDirectory()).toPath());
    }

    /** The toolchain request for the Go module in {@code moduleDirectory}. */
    public ToolchainRequest request(Path moduleDirectory) {
        MavenSdkArtifact artifact = parameters
                .string(GoParameter.SDK_ARTIFACT)
                .map(coordinates -> MavenSdkArtifact.parse(
                        coordinates, Platform.host(), context.repositorySystem(), context.session(), context.project()))
                .orElse(null);
        return ToolchainRequest.builder()
                .goRoot(parameters.path(GoParameter.GO_ROOT).orElse(null))
                .versionSpec(parameters.string(GoParameter.VERSION).orElse(null))
                .moduleDirectory(moduleDirectory)
                .downloadRoot(parameters.string(GoParameter.DOWNLOAD_ROOT).orElse(null))
                .pinnedSha256(parameters.string(GoParameter.SHA256).orElse(null))
                .pinnedSha256ByPlatform(parameters.map(GoParameter.SHA256S))
                .sdkDirectory(parameters.path(GoParameter.SDK_DIRECTORY).orElseGet(this::defaultSdkDirectory))
                .network(network())
                .environment(goEnvironment())
                .lockTimeout(Duration.ofMinutes(parameters.number(GoParameter.LOCK_TIMEOUT, 0)))
                .sources(SdkSources.of(
                        parameters.string(GoParameter.SOURCE).orElse(null),
                        parameters.string(GoParameter.PROXY).orElse(null),
                        parameters.string(GoParameter.SUMDB).orElse(null),
                        artifact))
                .memo(context.memo())
                .build();
    }

    /**
     * A login written into {@code go.downloadRoot} or {@code go.proxy} is used but never printed; still,
     * a POM keeps it in version control and a {@code -D} in shell history. One warning per such parameter
     * says how to keep the secret out of both: a settings.xml {@code <server>} named by go.serverId.
     */
    public List<String> loginWarnings() {
        List<String> warnings = new ArrayList<>();
        for (GoParameter parameter : List.of(GoParameter.DOWNLOAD_ROOT, GoParameter.PROXY)) {
            parameters
                    .string(parameter)
                    .filter(value -> !UrlLogin.redact(value).equals(value))
                    .ifPresent(value -> warnings.add(parameter.displayName() + " holds a user:password@ login ("
                            + UrlLogin.redact(value) + "). It is never printed, but a POM keeps it in version control "
                            + "and a -D in shell history: move the login to a settings.xml <server> "
                            + "(its password encrypted with 'mvn --encrypt-password') and name it with "
                            + GoParameter.SERVER_ID.displayName() + "."));
        }
        return warnings;
    }

    /** settings.xml proxies and servers, -o, and the timeouts and retries of these parameters. */
    public NetworkSettings network() {
        if (network == null) {
            network = MavenNetworkSettings.from(context.session(), context.settingsDecrypter(), parameters);
        }
        return network;
    }

    /**
     * The complete environment every go command runs with: the Maven process's, settings.xml proxies as
     * HTTP(S)_PROXY/NO_PROXY (without their login: {@link #proxyLogin}) unless the user set those, {@code <environment>} over all, and GOCACHE and
     * GOMODCACHE in {@code go.cacheDirectory} where none of those layers set them.
     */
    public Map<String, String> goEnvironment() {
        if (goEnvironment == null) {
            Map<String, String> environment = new LinkedHashMap<>(context.processEnvironment());
            environment.putAll(
                    ProxyEnvironment.merge(network(), context.processEnvironment(), configuredEnvironment()));
            Map<String, String> withCaches =
                    cacheDirectory().map(cache -> cache.applyTo(environment)).orElse(environment);
            goEnvironment = Collections.unmodifiableMap(withCaches);
        }
        return goEnvironment;
    }

    /**
     * The settings.xml proxy login that {@link #goEnvironment} leaves out, for the go runs that download and run
     * nothing of the user's; {@link ProxyLogin#NONE} without one.
     */
    public ProxyLogin proxyLogin() {
        return ProxyEnvironment.login(network(), context.processEnvironment(), configuredEnvironment());
    }

    /**
     * The Go for {@code request}, and its module's modules downloaded with the proxy login, once per build, before the
     * go runs that see the proxy without it (see {@link ModuleDownloads}): goals and rules get both from here.
     */
    public Toolchain resolve(ToolchainRequest request, GoLog log) {
        Toolchain toolchain = new ToolchainResolver(log).resolve(request);
        ModuleDownloads.ahead(
                toolchain,
                request.moduleDirectory(),
                goEnvironment(),
                proxyLogin(),
                network().offline(),
                log);
        return toolchain;
    }

    /** Only {@code <environment>}: the layer that messages name as "the plugin's configuration". */
    public Map<String, String> configuredEnvironment() {
        return parameters.map(GoParameter.ENVIRONMENT);
    }

    /**
     * {@code go.cacheDirectory}, relative to the project (as Maven resolves a File parameter) when not absolute.
     * go creates it when missing; a file in its place would fail every go command with a message about
     * GOCACHE that does not name the parameter, so it is reported here.
     */
    private Optional<CacheDirectory> cacheDirectory() {
        return parameters.path(GoParameter.CACHE_DIRECTORY).map(configured -> {
            Path directory = projectDirectory().resolve(configured).toAbsolutePath();
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new ConfigurationException(
                        GoParameter.CACHE_DIRECTORY.property().orElseThrow(),
                        GoParameter.CACHE_DIRECTORY.displayName() + " is " + directory
                                + ", which is a file: give it a directory (created when missing) for GOCACHE and "
                                + "GOMODCACHE, or leave it unset for Go's own locations.");
            }
            return new CacheDirectory(directory);
        });
    }

    private Path projectDirectory() {
        return context.project() != null && context.project().getBasedir() != null
                ? context.project().getBasedir().toPath()
                : new File(context.session().getExecutionRootDirectory()).toPath();
    }

    /** Inside the local repository, so CI caches of ~/.m2 carry provisioned SDKs along. */
    private Path defaultSdkDirectory() {
        return gomvnCache().resolve("sdk");
    }

    /** gomvn's caches (SDKs, tools, databases), inside the local repository so CI caches of ~/.m2 keep them. */
    public Path gomvnCache() {
        return context.gomvnCache();
    }
}
