package dev.gomvn.maven;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.toolchain.SdkSources;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code go.sdkArtifact}: a Go SDK archive published to a Maven repository, as
 * {@code groupId:artifactId:version[:extension[:classifier]]} (extension {@code tar.gz} and classifier
 * {@code <goos>-<goarch>} of this machine by default). Maven's own resolver fetches it, so
 * settings.xml mirrors, credentials and offline mode apply as to any dependency.
 */
public final class MavenSdkArtifact implements SdkSources.SdkArtifact {
    private final String coordinates;
    private final Parameter parameter;
    private final DefaultArtifact artifact;
    private final RepositorySystem repositorySystem;
    private final MavenSession session;
    private final MavenProject project;

    /**
     * The parameter that names the artifact, for messages.
     *
     * @param label e.g. {@code <sdkArtifact> (go.sdkArtifact)}
     * @param key e.g. {@code go.sdkArtifact}
     * @param contents what the artifact holds, e.g. {@code Go SDK archive}
     * @param example valid coordinates
     */
    public record Parameter(String label, String key, String contents, String example) {
        static final Parameter SDK = new Parameter(
                "<sdkArtifact> (go.sdkArtifact)",
                "go.sdkArtifact",
                "Go SDK archive",
                "com.example.go:go-sdk:1.22.5:tar.gz:linux-amd64");
    }

    private MavenSdkArtifact(
            String coordinates,
            Parameter parameter,
            DefaultArtifact artifact,
            RepositorySystem repositorySystem,
            MavenSession session,
            MavenProject project) {
        this.coordinates = coordinates;
        this.parameter = parameter;
        this.artifact = artifact;
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.project = project;
    }

    public static MavenSdkArtifact parse(
            String coordinates,
            Platform platform,
            RepositorySystem repositorySystem,
            MavenSession session,
            MavenProject project) {
        return parse(coordinates, Parameter.SDK, platform, repositorySystem, session, project);
    }

    /** Another archive than the Go SDK, named by {@code parameter}, with the same defaults. */
    public static MavenSdkArtifact parse(
            String coordinates,
            Parameter parameter,
            Platform platform,
            RepositorySystem repositorySystem,
            MavenSession session,
            MavenProject project) {
        String[] parts = coordinates.strip().split(":", -1);
        if (parts.length < 3
                || parts.length > 5
                || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new ConfigurationException(
                    parameter.key(),
                    parameter.label() + " '" + coordinates
                            + "' is not groupId:artifactId:version[:extension[:classifier]]; for example "
                            + parameter.example() + ".");
        }
        String extension = parts.length > 3 ? parts[3] : "tar.gz";
        String classifier = parts.length > 4 ? parts[4] : platform.key();
        DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], classifier, extension, parts[2]);
        return new MavenSdkArtifact(coordinates.strip(), parameter, artifact, repositorySystem, session, project);
    }

    @Override
    public String coordinates() {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion() + ":"
                + artifact.getExtension() + ":" + artifact.getClassifier();
    }

    @Override
    public String goVersion() {
        return artifact.getVersion();
    }

    @Override
    public String extension() {
        return artifact.getExtension();
    }

    @Override
    public Path resolve() {
        ArtifactRequest request = new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null);
        try {
            return repositorySystem
                    .resolveArtifact(session.getRepositorySession(), request)
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new EnvironmentException(
                    parameter.label() + " " + coordinates + " could not be resolved: "
                            + e.getMessage()
                            + ". Deploy the " + parameter.contents()
                            + " to your repository under these coordinates, or check "
                            + "the repositories and mirrors in settings.xml"
                            + (session.isOffline() ? " (Maven runs offline, -o)" : "")
                            + ".",
                    e);
        }
    }
}
