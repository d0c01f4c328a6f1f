package dev.gomvn.image;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a registry login without a settings.xml {@code <server>} comes from: the files {@code docker login} and
 * {@code podman login} write, and where the credential helpers they name are. CI systems point {@code DOCKER_CONFIG}
 * elsewhere (a job's own directory), so the files are named here.
 */
final class RegistryAuthFiles {
    private RegistryAuthFiles() {}

    /** Existing or not (missing ones are skipped): REGISTRY_AUTH_FILE, the Docker config, podman's. */
    static List<Path> of(Map<String, String> environment, Path userHome) {
        List<Path> files = new ArrayList<>();
        String registryAuthFile = environment.getOrDefault("REGISTRY_AUTH_FILE", "");
        if (!registryAuthFile.isBlank()) {
            files.add(Path.of(registryAuthFile));
        }
        String dockerConfig = environment.getOrDefault("DOCKER_CONFIG", "");
        files.add(
                dockerConfig.isBlank()
                        ? userHome.resolve(".docker").resolve("config.json")
                        : Path.of(dockerConfig, "config.json"));
        String runtimeDirectory = environment.getOrDefault("XDG_RUNTIME_DIR", "");
        if (!runtimeDirectory.isBlank()) {
            files.add(Path.of(runtimeDirectory, "containers", "auth.json"));
        }
        return List.copyOf(files);
    }

    /** The directories of {@code PATH}, where {@code docker-credential-*} helpers are looked for. */
    static List<Path> helperDirectories(Map<String, String> environment) {
        List<Path> directories = new ArrayList<>();
        for (String entry : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                directories.add(Path.of(entry));
            }
        }
        return List.copyOf(directories);
    }

    static List<Path> helperDirectoriesOfThisProcess() {
        return helperDirectories(System.getenv());
    }

    /** This process's files. */
    static List<Path> ofThisProcess() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
