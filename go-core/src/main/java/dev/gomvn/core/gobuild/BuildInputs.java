package dev.gomvn.core.gobuild;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.gomod.GoWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code go build} reads outside the module cache and GOROOT, so that the up-to-date check
 * covers it: the module's directory, the directories its go.mod {@code replace}s with, the workspace
 * (the go.work that applies, every module it {@code use}s, its {@code replace} directories, go.work
 * and go.work.sum), the GOENV file and {@code $GOROOT/go.env}, and {@code -overlay} files with the
 * files they map.
 *
 * @param directories walked for every file in them
 * @param files       single files whose contents count
 */
public record BuildInputs(List<Path> directories, List<Path> files) {

    public static BuildInputs of(
            Path moduleDirectory, Path goRoot, Map<String, String> environment, List<String> buildFlags) {
        Set<Path> directories = new LinkedHashSet<>();
        Set<Path> files = new LinkedHashSet<>();
        Path module = moduleDirectory.toAbsolutePath().normalize();
        directories.add(module);
        Path goMod = module.resolve("go.mod");
        if (Files.isRegularFile(goMod)) {
            for (GoModFile.Replacement replacement : GoModFile.parse(goMod).replaces()) {
                if (replacement.isLocalDirectory()) {
                    directories.add(module.resolve(replacement.newPath()).normalize());
                }
            }
        }
        GoWorkspace.of(module, environment, goRoot).ifPresent(workspace -> {
            files.add(workspace.file());
            files.add(workspace.sumFile());
            directories.addAll(workspace.moduleDirectories());
            directories.addAll(workspace.workFile().localReplacements());
        });
        GoEnvironment.goEnvFile(environment).ifPresent(files::add);
        files.add(goRoot.resolve("go.env"));
        List<String> flags = new ArrayList<>(buildFlags);
        flags.addAll(List.of(environment.getOrDefault("GOFLAGS", "").strip().split("\\s+")));
        overlay(flags).ifPresent(overlay -> {
            Path file = module.resolve(overlay).normalize();
            files.add(file);
            files.addAll(overlayTargets(file, module));
        });
        return new BuildInputs(List.copyOf(directories), List.copyOf(files));
    }

    private static Optional<String> overlay(List<String> flags) {
        String found = null;
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i).replaceFirst("^--", "-");
            if (flag.startsWith("-overlay=")) {
                found = flag.substring("-overlay=".length());
            } else if (flag.equals("-overlay") && i + 1 < flags.size()) {
                found = flags.get(i + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The files an overlay puts in place of sources: {@code {"Replace": {"a.go": "b.go"}}}. */
    private static List<Path> overlayTargets(Path overlay, Path module) {
        if (!Files.isRegularFile(overlay)) {
            throw new ConfigurationException("go.buildFlags", "The -overlay file " + overlay + " does not exist.");
        }
        try {
            JsonElement root = JsonParser.parseString(Files.readString(overlay, StandardCharsets.UTF_8));
            JsonObject replace = root.isJsonObject() && root.getAsJsonObject().has("Replace")
                    ? root.getAsJsonObject().getAsJsonObject("Replace")
                    : new JsonObject();
            List<Path> targets = new ArrayList<>();
            for (Map.Entry<String, JsonElement> entry : replace.entrySet()) {
                if (!entry.getValue().isJsonNull()
                        && !entry.getValue().getAsString().isEmpty()) {
                    targets.add(module.resolve(entry.getValue().getAsString()).normalize());
                }
            }
            return targets;
        } catch (IOException e) {
            throw new EnvironmentException("Could not read the -overlay file " + overlay + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConfigurationException(
                    "go.buildFlags", "The -overlay file " + overlay + " is not an overlay JSON: " + e.getMessage());
        }
    }
}
