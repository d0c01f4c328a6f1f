package dev.gomvn.maven;

import dev.gomvn.core.BuildMemo;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
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

    /**
     * The build's memory of what go reported, kept in the resolver session's data: it ends with the build, also
     * in a Maven daemon that runs many, and the goals (or the rules) of one build share it.
     */
    public BuildMemo memo() {
        return buildScoped(BuildMemo.class, () -> new BuildMemo(gomvnCache().resolve("answers")));
    }

    /** gomvn's caches (SDKs, tools, databases, go's answers), inside the local repository so CI caches of ~/.m2 keep them. */
    public Path gomvnCache() {
        return session.getRepositorySession()
                .getLocalRepository()
                .getBasedir()
                .toPath()
                .resolve(".cache")
                .resolve("gomvn");
    }

    /**
     * One {@code type} per build (Maven session) and class realm, made by {@code factory} at first use. Keyed by the
     * class itself, not its name: go-maven-plugin and maven-enforcer-plugin each load gomvn's classes in a realm of
     * their own, and one realm's object is not an instance of the other's class.
     */
    public <T> T buildScoped(Class<T> type, Supplier<T> factory) {
        return type.cast(session.getRepositorySession().getData().computeIfAbsent(type, factory::get));
    }

    @Override
    public String toString() {
        // The environment may hold tokens: never print it.
        return "MavenBuildContext[" + (project == null ? "no project" : project.getId()) + "]";
    }
}
