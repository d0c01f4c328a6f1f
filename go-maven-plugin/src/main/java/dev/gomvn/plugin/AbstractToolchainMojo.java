package dev.gomvn.plugin;

import static dev.gomvn.maven.GoParameter.CACHE_DIRECTORY;
import static dev.gomvn.maven.GoParameter.DOWNLOAD_ROOT;
import static dev.gomvn.maven.GoParameter.ENVIRONMENT;
import static dev.gomvn.maven.GoParameter.GO_ROOT;
import static dev.gomvn.maven.GoParameter.LOCK_TIMEOUT;
import static dev.gomvn.maven.GoParameter.MODULE_DIRECTORY;
import static dev.gomvn.maven.GoParameter.PROXY;
import static dev.gomvn.maven.GoParameter.SDK_ARTIFACT;
import static dev.gomvn.maven.GoParameter.SDK_DIRECTORY;
import static dev.gomvn.maven.GoParameter.SERVER_ID;
import static dev.gomvn.maven.GoParameter.SHA256;
import static dev.gomvn.maven.GoParameter.SHA256S;
import static dev.gomvn.maven.GoParameter.SKIP;
import static dev.gomvn.maven.GoParameter.SOURCE;
import static dev.gomvn.maven.GoParameter.SUMDB;
import static dev.gomvn.maven.GoParameter.VERSION;

import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.maven.GoParameter;
import dev.gomvn.maven.ParameterValues;
import dev.gomvn.maven.ToolchainSettings;
import dev.gomvn.maven.UrlParameter;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that choose the Go toolchain, shared by every goal that runs go so that one {@code go.*}
 * property configures them all. Each field is the Maven face of one {@link GoParameter}, which defines its name,
 * property, default and text (the network ones are {@link AbstractGoMojo}'s).
 */
abstract class AbstractToolchainMojo extends AbstractGoMojo {

    /** Use the Go installed in this directory (the one holding bin/go); nothing is downloaded. */
    @Parameter(property = "go.root")
    File goRoot;

    /**
     * The Go to use: exact (1.22.5), a range ([1.22,1.23)), a release line (1.22.x) or latest. Without it,
     * go.mod's toolchain/go line decides.
     */
    @Parameter(property = "go.version")
    String version;

    /** Where Go SDK archives are downloaded from: go.dev or a mirror with the same file names (http, https, file:). */
    @Parameter(property = "go.downloadRoot", defaultValue = "https://go.dev/dl/")
    UrlParameter downloadRoot;

    /** The SHA-256 of the SDK archive for this machine's platform; overrides the index and the .sha256 file. */
    @Parameter(property = "go.sha256")
    String sha256;

    /** SHA-256 digests of SDK archives per platform, keyed like &lt;linux-amd64&gt;hex&lt;/linux-amd64&gt;. */
    @Parameter
    Map<String, String> sha256s;

    /** The SDK cache. Default: .cache/gomvn/sdk in the Maven local repository, so CI caches of ~/.m2 keep it. */
    @Parameter(property = "go.sdkDirectory")
    File sdkDirectory;

    /**
     * Where a missing SDK comes from: auto (the download root, then the Go module proxy if the download root
     * cannot be reached), download (only the download root) or proxy (only the Go module proxy, as the
     * module golang.org/toolchain verified against the checksum database).
     */
    @Parameter(property = "go.source", defaultValue = "auto")
    String source;

    /** The Go module proxy list (GOPROXY syntax) toolchains come from. Default: the effective GOPROXY. */
    @Parameter(property = "go.proxy")
    UrlParameter proxy;

    /**
     * The checksum database that verifies toolchains from the proxy (GOSUMDB syntax). Default: the effective
     * GOSUMDB; off still means sum.golang.org, as for the go command.
     */
    @Parameter(property = "go.sumdb")
    String sumdb;

    /**
     * A Go SDK archive in a Maven repository, groupId:artifactId:version[:extension[:classifier]] (extension
     * tar.gz, classifier &lt;goos&gt;-&lt;goarch&gt; of this machine by default), verified by
     * go.sha256/&lt;sha256s&gt; or the download root's index.
     */
    @Parameter(property = "go.sdkArtifact")
    String sdkArtifact;

    /** The id of a settings.xml &lt;server&gt; whose credentials the download root needs. */
    @Parameter(property = "go.serverId")
    String serverId;

    /** Minutes to wait for another build that is installing the same SDK. */
    @Parameter(property = "go.lockTimeout", defaultValue = "10")
    int lockTimeout;

    /** The Go module: the directory holding go.mod. */
    @Parameter(property = "go.moduleDirectory", defaultValue = "${project.basedir}")
    File moduleDirectory;

    /**
     * One directory for Go's build and module caches, for a CI system to keep between runs: GOCACHE is
     * &lt;dir&gt;/go-build, GOMODCACHE &lt;dir&gt;/mod, unless the environment or &lt;environment&gt; sets them.
     * Default: Go's own locations.
     */
    @Parameter(property = "go.cacheDirectory")
    File cacheDirectory;

    /** Variables passed to every go command (GOFLAGS, GOPROXY, GOPRIVATE, CC ...). */
    @Parameter
    Map<String, String> environment;

    /** Skip this goal. */
    @Parameter(property = "go.skip", defaultValue = "false")
    boolean skip;

    private ToolchainSettings toolchainSettings;

    @Override
    Optional<String> skipReason() {
        return skip ? Optional.of("go.skip") : Optional.empty();
    }

    /** The toolchain parameters as Maven injected them, each keyed by its definition. */
    ParameterValues toolchainParameters() {
        return networkParameters()
                .put(GO_ROOT, goRoot)
                .put(VERSION, version)
                .put(DOWNLOAD_ROOT, downloadRoot)
                .put(SHA256, sha256)
                .putMap(SHA256S, sha256s)
                .put(SDK_DIRECTORY, sdkDirectory)
                .put(SOURCE, source)
                .put(PROXY, proxy)
                .put(SUMDB, sumdb)
                .put(SDK_ARTIFACT, sdkArtifact)
                .put(SERVER_ID, serverId)
                .put(LOCK_TIMEOUT, lockTimeout)
                .put(MODULE_DIRECTORY, moduleDirectory)
                .put(CACHE_DIRECTORY, cacheDirectory)
                .putMap(ENVIRONMENT, environment)
                .put(SKIP, skip)
                .build();
    }

    /** One per goal execution: its parameters do not change while it runs. */
    ToolchainSettings toolchainSettings() {
        if (toolchainSettings == null) {
            toolchainSettings = new ToolchainSettings(toolchainParameters(), buildContext());
        }
        return toolchainSettings;
    }

    /** The complete environment every go command of this goal runs with. */
    Map<String, String> goEnvironment() {
        return toolchainSettings().goEnvironment();
    }

    Toolchain resolveToolchain() {
        ToolchainSettings settings = toolchainSettings();
        settings.loginWarnings().forEach(getLog()::warn);
        return settings.resolve(settings.request(settings.moduleDirectory()), goLog());
    }

    Path moduleDirectory() {
        return toolchainSettings().moduleDirectory();
    }
}
