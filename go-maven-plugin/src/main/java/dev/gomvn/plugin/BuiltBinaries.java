package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.compare.BinaryComparison;
import dev.gomvn.core.compare.ChecksumList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The binaries this build made, by classifier: the project's attached artifacts when go:build ran in this session
 * ({@code mvn verify go:compare}), else what an earlier go:build left on disk ({@code mvn go:compare} after it): the
 * checksum list of the binaries as published, {@code target/go/published.sha256sums}, and the binaries under the
 * output directory, found by their digests.
 */
final class BuiltBinaries {
    private static final Set<String> BINARY_TYPES = Set.of("bin", "exe", "wasm");

    private BuiltBinaries() {}

    static Map<String, BinaryComparison.Side> of(MavenProject project, Path outputDirectory) {
        Map<String, BinaryComparison.Side> attached = new TreeMap<>();
        for (Artifact artifact : project.getAttachedArtifacts()) {
            if (BINARY_TYPES.contains(artifact.getType()) && artifact.getFile() != null) {
                Path file = artifact.getFile().toPath();
                attached.put(artifact.getClassifier(), new BinaryComparison.Side(Sha256.of(file), Optional.of(file)));
            }
        }
        return attached.isEmpty() ? onDisk(project, outputDirectory) : attached;
    }

    private static Map<String, BinaryComparison.Side> onDisk(MavenProject project, Path outputDirectory) {
        Path sums = Path.of(project.getBuild().getDirectory(), "go", "published.sha256sums");
        if (!Files.isRegularFile(sums)) {
            throw new ConfigurationException(
                    "go.compare.skip",
                    "Nothing was built here to compare with the published binaries: go:build did not run in this"
                            + " session and " + sums + " does not exist. Run mvn verify go:compare, bind go:compare"
                            + " to a phase after go:build, or set <skip> (go.compare.skip) where nothing is built.");
        }
        List<Path> files = files(outputDirectory);
        Map<String, Path> byDigest = new TreeMap<>();
        Map<String, BinaryComparison.Side> built = new TreeMap<>();
        ChecksumList.parse(sums.toString(), read(sums))
                .binaries(project.getArtifactId(), project.getVersion())
                .forEach((classifier, entry) -> {
                    if (byDigest.isEmpty()) {
                        files.forEach(file -> byDigest.put(Sha256.of(file), file));
                    }
                    built.put(
                            classifier,
                            new BinaryComparison.Side(
                                    entry.sha256(), Optional.ofNullable(byDigest.get(entry.sha256()))));
                });
        return built;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new EnvironmentException("Could not list " + directory + ": " + e.getMessage(), e);
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
