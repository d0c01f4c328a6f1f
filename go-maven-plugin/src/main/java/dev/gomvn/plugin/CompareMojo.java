package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.compare.BinaryComparison;
import dev.gomvn.core.compare.ChecksumList;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the binaries this build made with those published under the same coordinates, per classifier, and fails
 * when any differs, saying why from the two binaries' build info: a module version, a build setting, a {@code -X}
 * linker variable, the Go version. A rebuild of a release that gives other bytes is either not reproducible or not the
 * release; either way it must not be deployed over it.
 *
 * <p>Run it after go:build, {@code mvn verify go:compare}, or bind it: an execution without a phase runs in
 * {@code verify}, so that in {@code mvn deploy} it runs before install and deploy, and a rebuild that differs is never
 * published over the release (bound to {@code deploy} it would run after the lifecycle's deploy:deploy, which Maven
 * orders first):
 *
 * <pre>{@code
 * <execution>
 *   <id>compare-before-deploy</id>
 *   <goals><goal>compare</goal></goals>
 *   <configuration><failIfNotPublished>false</failIfNotPublished></configuration>
 * </execution>
 * }</pre>
 *
 * A {@code -SNAPSHOT} version is republished by design, so it is compared only with {@code <snapshots>true}.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompareMojo extends AbstractToolchainMojo {

    /** Skip go:compare (go.skip skips it too). */
    @Parameter(property = "go.compare.skip", defaultValue = "false")
    boolean skip;

    /**
     * Compare with this checksum list (sha256sum format, http(s) or file: URL; the binaries it names are downloaded
     * from beside it) instead of the artifacts published under the project's coordinates.
     */
    @Parameter(property = "go.compare.checksums")
    String publishedChecksums;

    /**
     * Fail when nothing is published under the project's coordinates. {@code false} for a first release, which has
     * nothing to compare with: go:compare then warns and passes.
     */
    @Parameter(property = "go.compare.failIfNotPublished", defaultValue = "true")
    boolean failIfNotPublished;

    /** Compare a -SNAPSHOT version too (with the latest snapshot published); release versions only by default. */
    @Parameter(property = "go.compare.snapshots", defaultValue = "false")
    boolean snapshots;

    /** Where go:build wrote the binaries, for a go:compare that runs without go:build in its session. */
    @Parameter(property = "go.outputDirectory", defaultValue = "${project.build.directory}/go/bin")
    File outputDirectory;

    @Override
    Optional<String> skipReason() {
        if (skip) {
            return Optional.of("go.compare.skip");
        }
        // This goal's <skip> is go.compare.skip, so go.skip is read as the other goals' parameter would be.
        String goSkip = session.getUserProperties()
                .getProperty("go.skip", project.getProperties().getProperty("go.skip", "false"));
        return Boolean.parseBoolean(goSkip) ? Optional.of("go.skip") : Optional.empty();
    }

    @Override
    void run() {
        if (GoModuleCheck.skipNonGoProject(project, moduleDirectory(), getLog())) {
            return;
        }
        if (project.getArtifact().isSnapshot() && !snapshots) {
            getLog().info("go:compare skipped: " + project.getVersion() + " is a snapshot, republished by design;"
                    + " set <snapshots>true</snapshots> (go.compare.snapshots) to compare it with the latest one.");
            return;
        }
        Map<String, BinaryComparison.Side> here = BuiltBinaries.of(project, outputDirectory.toPath());
        PublishedBinaries published = publishedBinaries();
        Optional<ChecksumList> list = published.checksumList();
        if (list.isEmpty()) {
            notPublished(published);
            return;
        }
        Map<String, ChecksumList.Entry> entries = list.get().binaries(project.getArtifactId(), project.getVersion());
        BinaryComparison comparison = new BinaryComparison(resolveToolchain().goRoot(), goEnvironment(), goLog());
        List<String> differences = new ArrayList<>();
        TreeSet<String> classifiers = new TreeSet<>(here.keySet());
        classifiers.addAll(entries.keySet());
        for (String classifier : classifiers) {
            Optional<BinaryComparison.Side> built = Optional.ofNullable(here.get(classifier));
            // A binary not built here is only named: downloading it could tell nothing more.
            Optional<BinaryComparison.Side> publishedSide = Optional.ofNullable(entries.get(classifier))
                    .map(entry -> new BinaryComparison.Side(
                            entry.sha256(),
                            built.isPresent() ? Optional.of(published.binary(list.get(), entry)) : Optional.empty()));
            comparison.difference(classifier, built, publishedSide).ifPresent(differences::add);
        }
        if (!differences.isEmpty()) {
            throw BinaryComparison.failure(published.describe(), differences);
        }
        getLog().info(HumanReadable.count(classifiers.size(), "binary", "binaries") + " ("
                + String.join(", ", classifiers) + ") built here are those published as " + published.describe()
                + ", byte for byte.");
    }

    private PublishedBinaries publishedBinaries() {
        if (publishedChecksums == null || publishedChecksums.isBlank()) {
            return new RepositoryBinaries(repositorySystem, session, project);
        }
        Path downloads = Path.of(project.getBuild().getDirectory(), "go", "published");
        return new UrlBinaries(publishedChecksums, networkSettings(), goLog(), downloads);
    }

    private void notPublished(PublishedBinaries published) {
        String nothing = "Nothing is published as " + published.describe()
                + (publishedChecksums == null || publishedChecksums.isBlank()
                        ? " in the project's repositories (or the mirrors settings.xml puts in their place)"
                        : "")
                + ", so there is nothing to compare the binaries built here with";
        if (failIfNotPublished) {
            throw new ConfigurationException(
                    "go.compare.failIfNotPublished",
                    nothing + ". For a first release set <failIfNotPublished>false</failIfNotPublished>"
                            + " (go.compare.failIfNotPublished); otherwise check <repositories> and settings.xml.");
        }
        getLog().warn(nothing + " (a first release?); passing, as <failIfNotPublished> is false.");
    }
}
