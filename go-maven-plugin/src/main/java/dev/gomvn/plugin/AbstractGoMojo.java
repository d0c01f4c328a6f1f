package dev.gomvn.plugin;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.net.ProxyEnvironment;
import dev.gomvn.maven.MavenNetworkSettings;
import dev.gomvn.maven.ToolchainParameters;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.io.File;
import java.util.Map;
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
 * The parameters that choose the Go toolchain, shared by every goal so that one {@code go.*}
 * property configures them all, and the mapping of the core's typed failures to Maven's.
 */
abstract class AbstractGoMojo extends AbstractMojo {

    /** Use the Go installed in this directory (the one holding bin/go); nothing is downloaded. */
    @Parameter(property = "go.root")
    File goRoot;

    /**
     * The Go to use: exact ({@code 1.22.5}), a range ({@code [1.22,1.23)}), a release line
     * ({@code 1.22.x}) or {@code latest}. Without it, go.mod's toolchain/go line decides.
     */
    @Parameter(property = "go.version")
    String version;

    /** Where Go SDK archives are downloaded from: go.dev or a mirror with the same file names (http, https, file:). */
    @Parameter(property = "go.downloadRoot", defaultValue = ToolchainRequest.DEFAULT_DOWNLOAD_ROOT)
    String downloadRoot;

    /** The SHA-256 of the SDK archive for this machine's platform; overrides the index and the .sha256 file. */
    @Parameter(property = "go.sha256")
    String sha256;

    /** SHA-256 digests of SDK archives per platform, keyed like {@code <linux-amd64>hex</linux-amd64>}. */
    @Parameter
    Map<String, String> sha256s;

    /** The SDK cache. Default: {@code .cache/gomvn/sdk} in the Maven local repository, so CI caches of ~/.m2 keep it. */
    @Parameter(property = "go.sdkDirectory")
    File sdkDirectory;

    /**
     * Where a missing SDK comes from: {@code auto} (the download root, then the Go module proxy if the
     * download root cannot be reached), {@code download} (only the download root) or {@code proxy}
     * (only the Go module proxy, as the module golang.org/toolchain verified against the checksum database).
     */
    @Parameter(property = "go.source", defaultValue = "auto")
    String source;

    /** The Go module proxy list (GOPROXY syntax) toolchains come from. Default: the effective GOPROXY. */
    @Parameter(property = "go.proxy")
    String proxy;

    /**
     * The checksum database that verifies toolchains from the proxy (GOSUMDB syntax). Default: the
     * effective GOSUMDB; {@code off} still means sum.golang.org, as for the go command.
     */
    @Parameter(property = "go.sumdb")
    String sumdb;

    /**
     * A Go SDK archive in a Maven repository, {@code groupId:artifactId:version[:extension[:classifier]]}
     * (extension {@code tar.gz}, classifier {@code <goos>-<goarch>} of this machine by default), verified by
     * {@code go.sha256}/{@code <sha256s>} or the download root's index.
     */
    @Parameter(property = "go.sdkArtifact")
    String sdkArtifact;

    /** The id of a settings.xml {@code <server>} whose credentials the download root needs. */
    @Parameter(property = "go.serverId")
    String serverId;

    /** Seconds to wait for a connection to the download root. */
    @Parameter(property = "go.connectTimeout", defaultValue = "20")
    int connectTimeout;

    /** Seconds a download may stall before it is retried. */
    @Parameter(property = "go.readTimeout", defaultValue = "60")
    int readTimeout;

    /** Extra attempts after a server error, a reset connection or a truncated download. */
    @Parameter(property = "go.retries", defaultValue = "3")
    int retries;

    /** Minutes to wait for another build that is installing the same SDK. */
    @Parameter(property = "go.lockTimeout", defaultValue = "10")
    int lockTimeout;

    /** The Go module: the directory holding go.mod. */
    @Parameter(property = "go.moduleDirectory", defaultValue = "${project.basedir}")
    File moduleDirectory;

    /** Variables passed to every go command (GOFLAGS, GOPROXY, GOPRIVATE, CC ...). */
    @Parameter
    Map<String, String> environment;

    /** Skip this goal. */
    @Parameter(property = "go.skip", defaultValue = "false")
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
        if (skip) {
            getLog().info("Skipping: go.skip is true.");
            return;
        }
        try {
            run();
        } catch (EnvironmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (GoCoreException e) {
            // Bad configuration, failed verification, code that does not compile: the project's to fix.
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;

    GoLog goLog() {
        return GoLog.of(getLog()::info, getLog()::warn, getLog()::debug, getLog()::isDebugEnabled,
                session.getRequest().isInteractiveMode());
    }

    /** The POM's {@code <environment>}, plus settings.xml proxies as HTTP(S)_PROXY unless the user set those. */
    Map<String, String> goEnvironment() {
        return ProxyEnvironment.merge(MavenNetworkSettings.from(session, settingsDecrypter, null, connectTimeout, readTimeout,
                retries), System.getenv(), environment == null ? Map.of() : environment);
    }

    Toolchain resolveToolchain() {
        return new ToolchainResolver(goLog()).resolve(toolchainParameters().toRequest(session, settingsDecrypter,
                repositorySystem, project));
    }

    ToolchainParameters toolchainParameters() {
        return new ToolchainParameters(goRoot, version, downloadRoot, sha256, sha256s, sdkDirectory, serverId,
                connectTimeout, readTimeout, retries, lockTimeout, moduleDirectory(), goEnvironment(), source, proxy, sumdb,
                sdkArtifact);
    }

    /** Without a POM (mvn go:toolchain in a bare Go module) the module is the current directory. */
    File moduleDirectory() {
        return moduleDirectory != null ? moduleDirectory : new File(session.getExecutionRootDirectory());
    }
}
