package dev.gomvn.maven;

import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * What a goal or a rule gets from Maven to turn {@code go.*} parameters into a Go toolchain: the
 * session (settings.xml, offline, local repository), the project (repositories for
 * {@code go.sdkArtifact}), Maven's password decryption and resolver, and the environment of the Maven
 * process, which go inherits. Passing the environment in keeps the core free of process-wide reads.
 */
public record MavenBuildContext(
        MavenSession session,
        MavenProject project,
        SettingsDecrypter settingsDecrypter,
        RepositorySystem repositorySystem,
        Map<String, String> processEnvironment) {

    public MavenBuildContext {
        processEnvironment = Map.copyOf(processEnvironment);
    }

    /** The context of a running build: this Maven process's own environment. */
    public static MavenBuildContext of(
            MavenSession session,
            MavenProject project,
            SettingsDecrypter settingsDecrypter,
            RepositorySystem repositorySystem) {
        return new MavenBuildContext(session, project, settingsDecrypter, repositorySystem, System.getenv());
    }

    @Override
    public String toString() {
        // The environment may hold tokens: never print it.
        return "MavenBuildContext[" + (project == null ? "no project" : project.getId()) + "]";
    }
}
