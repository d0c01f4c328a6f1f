package dev.gomvn.maven;

import dev.gomvn.core.Platform;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.toolchain.SdkSources;
import dev.gomvn.core.toolchain.ToolchainRequest;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * The {@code go.*} parameters that choose the Go toolchain, as the plugin's goals receive them and as
 * the enforcer rules read them from the same properties, so both resolve the same Go.
 */
public record ToolchainParameters(
        File goRoot,
        String version,
        String downloadRoot,
        String sha256,
        Map<String, String> sha256s,
        File sdkDirectory,
        String serverId,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        int retries,
        int lockTimeoutMinutes,
        File moduleDirectory,
        Map<String, String> environment,
        String source,
        String proxy,
        String sumdb,
        String sdkArtifact) {

    public ToolchainParameters {
        sha256s = sha256s == null ? Map.of() : Map.copyOf(sha256s);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /**
     * @param repositorySystem resolves {@code go.sdkArtifact}
     * @param project whose repositories {@code go.sdkArtifact} is resolved from
     */
    public ToolchainRequest toRequest(MavenSession session, SettingsDecrypter decrypter, RepositorySystem repositorySystem,
            MavenProject project) {
        NetworkSettings network = MavenNetworkSettings.from(session, decrypter, serverId, connectTimeoutSeconds,
                readTimeoutSeconds, retries);
        MavenSdkArtifact artifact = sdkArtifact == null || sdkArtifact.isBlank() ? null
                : MavenSdkArtifact.parse(sdkArtifact, Platform.host(), repositorySystem, session, project);
        return new ToolchainRequest(
                goRoot == null ? null : goRoot.toPath(),
                version,
                moduleDirectory.toPath(),
                downloadRoot,
                sha256,
                sha256s,
                sdkDirectory != null ? sdkDirectory.toPath() : defaultSdkDirectory(session),
                network,
                environment,
                null,
                Duration.ofMinutes(lockTimeoutMinutes)).withSources(SdkSources.of(source, proxy, sumdb, artifact));
    }

    /** Inside the local repository, so CI caches of ~/.m2 carry provisioned SDKs along. */
    public static Path defaultSdkDirectory(MavenSession session) {
        return session.getRepositorySession().getLocalRepository().getBasedir().toPath()
                .resolve(".cache").resolve("gomvn").resolve("sdk");
    }
}
