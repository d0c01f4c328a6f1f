package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.compare.ChecksumList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;

/**
 * The binaries and checksum list published under the project's own coordinates, resolved by Maven's resolver from the
 * project's remote repositories, so settings.xml mirrors, servers and offline mode apply as to any dependency.
 *
 * <p>Two things would otherwise answer in the published artifacts' place: the reactor, which resolves a project's
 * coordinates to the files it just built, and the local repository, where {@code mvn install} (which runs before
 * deploy) puts this build's binaries under the same coordinates. So the reactor is left out, and published copies are
 * kept in a local repository of their own, {@code .cache/gomvn/published} in the local repository; offline
 * ({@code -o}) go:compare uses what an earlier online run downloaded there.
 */
final class RepositoryBinaries implements PublishedBinaries {
    private final RepositorySystem system;
    private final DefaultRepositorySystemSession session;
    private final MavenProject project;
    private final Path cache;

    RepositoryBinaries(RepositorySystem system, MavenSession mavenSession, MavenProject project) {
        this.system = system;
        this.project = project;
        this.session = new DefaultRepositorySystemSession(mavenSession.getRepositorySession());
        this.cache = mavenSession
                .getRepositorySession()
                .getLocalRepository()
                .getBasedir()
                .toPath()
                .resolve(".cache")
                .resolve("gomvn")
                .resolve("published");
        session.setWorkspaceReader(null);
        // A release not found yet must be asked for again: the resolver would otherwise remember "not found" until
        // the update interval passes (a day), and a guard run before the first deploy of a version would then let a
        // second, different deploy of it through the same day. Snapshots are looked up anew each time too.
        session.setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED));
        session.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(cache.toFile())));
    }

    @Override
    public String describe() {
        return project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion();
    }

    @Override
    public Optional<ChecksumList> checksumList() {
        // go:build makes the list the main artifact of the go packaging, and attaches it to any other packaging.
        Artifact list =
                "go".equals(project.getPackaging()) ? artifact("", "sha256sums") : artifact("sha256sums", "txt");
        Optional<Path> file = resolve(list, true);
        return file.map(path -> ChecksumList.parse(describe() + " (" + path + ")", read(path)));
    }

    @Override
    public Path binary(ChecksumList list, ChecksumList.Entry entry) {
        Path file = resolve(artifact(entry.classifier(), ChecksumList.extension(entry.name())), false)
                .orElseThrow();
        entry.verify(file, "the repositories of " + describe(), list);
        return file;
    }

    private Artifact artifact(String classifier, String extension) {
        return new DefaultArtifact(
                project.getGroupId(), project.getArtifactId(), classifier, extension, project.getVersion());
    }

    /** The artifact's file; empty when {@code mayBeMissing} and no repository has it. */
    private Optional<Path> resolve(Artifact artifact, boolean mayBeMissing) {
        ArtifactRequest request = new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null);
        try {
            return Optional.of(system.resolveArtifact(session, request)
                    .getArtifact()
                    .getFile()
                    .toPath());
        } catch (ArtifactResolutionException e) {
            boolean notFound = e.getResults().stream()
                    .map(ArtifactResult::getExceptions)
                    .flatMap(java.util.List::stream)
                    .allMatch(ArtifactNotFoundException.class::isInstance);
            if (session.isOffline()) {
                throw new ConfigurationException(
                        "go.compare.checksums",
                        "Maven runs offline (-o), and the published " + artifact + " is not among the published"
                                + " artifacts go:compare downloaded before (" + cache + "). Run go:compare once"
                                + " without -o, or point <publishedChecksums> (go.compare.checksums) at a file: copy of"
                                + " the published checksum list.",
                        e);
            }
            if (notFound && mayBeMissing) {
                return Optional.empty();
            }
            throw new EnvironmentException(
                    "The published " + artifact + " could not be resolved: " + e.getMessage()
                            + ". Check the repositories and mirrors in settings.xml, and the <server> logins they need.",
                    e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
