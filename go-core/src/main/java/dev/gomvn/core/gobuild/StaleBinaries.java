package dev.gomvn.core.gobuild;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Removes the binaries an earlier {@code go:build} wrote that this one will not produce: a target or
 * package no longer configured ({@code -Dgo.targets=linux/amd64} after a four-target build), so that
 * the output directory holds exactly what SHA256SUMS lists; the same goes for the SBOMs beside them. What gomvn wrote is known from the
 * per-target state files ({@code <stateDirectory>/<goos>_<goarch>.properties}: the output directory,
 * each binary's name and SHA-256); a file is removed only while it still has those bytes, so a file of
 * the user's in a custom output directory is never touched.
 */
final class StaleBinaries {
    static final String STATE_SUFFIX = ".properties";
    static final String FINGERPRINT = "fingerprint";
    static final String SHA256_PREFIX = "sha256.";
    /** Executions with their own output directories share the state directory: each cleans only its own. */
    static final String OUTPUT_DIRECTORY = "outputDirectory";

    private StaleBinaries() {}

    /**
     * @param produced file names per target directory ({@code linux_amd64 -> [manager]}) this build writes
     */
    static void remove(Path outputDirectory, Path stateDirectory, Map<String, Set<String>> produced, GoLog log) {
        if (!Files.isDirectory(stateDirectory)) {
            return;
        }
        try (DirectoryStream<Path> states = Files.newDirectoryStream(stateDirectory, "*" + STATE_SUFFIX)) {
            for (Path stateFile : states) {
                String fileName = stateFile.getFileName().toString();
                String targetDirectory = fileName.substring(0, fileName.length() - STATE_SUFFIX.length());
                Properties state = load(stateFile);
                if (state.getProperty(FINGERPRINT) == null
                        || !key(outputDirectory).equals(state.getProperty(OUTPUT_DIRECTORY))) {
                    continue; // not a target's state, or another output directory's
                }
                Set<String> keep = produced.getOrDefault(targetDirectory, Set.of());
                Path directory = outputDirectory.resolve(targetDirectory);
                for (String key : state.stringPropertyNames()) {
                    if (key.startsWith(SHA256_PREFIX) && !keep.contains(key.substring(SHA256_PREFIX.length()))) {
                        removeIfUnchanged(
                                directory.resolve(key.substring(SHA256_PREFIX.length())), state.getProperty(key), log);
                    }
                }
                if (!produced.containsKey(targetDirectory)) {
                    Files.deleteIfExists(stateFile);
                    deleteIfEmpty(directory);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not remove binaries of an earlier build from " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    static String key(Path outputDirectory) {
        return outputDirectory.toAbsolutePath().normalize().toString();
    }

    /** File names per target directory of what {@code names} builds for {@code targets}, with SBOMs if asked. */
    static Map<String, Set<String>> produced(Iterable<BuildTarget> targets, Iterable<String> names, boolean sboms) {
        Map<String, Set<String>> produced = new HashMap<>();
        for (BuildTarget target : targets) {
            Set<String> files = produced.computeIfAbsent(target.directoryName(), directory -> new HashSet<>());
            names.forEach(name -> {
                files.add(target.executableName(name));
                if (sboms) {
                    target.sbomName(name).ifPresent(files::add);
                }
            });
        }
        return produced;
    }

    private static void removeIfUnchanged(Path binary, String sha256, GoLog log) throws IOException {
        if (!Files.isRegularFile(binary)) {
            return;
        }
        if (Sha256.of(binary).equals(sha256)) {
            Files.delete(binary);
            log.info("Removed " + binary
                    + ": an earlier go:build wrote it for a target or package no longer configured.");
        } else {
            log.warn("Left " + binary + " in place: an earlier go:build wrote it for a target or package no longer"
                    + " configured, but it has changed since, so it may be yours; SHA256SUMS does not list it.");
        }
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(directory);
        }
    }

    private static Properties load(Path stateFile) throws IOException {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
        }
        return state;
    }
}
