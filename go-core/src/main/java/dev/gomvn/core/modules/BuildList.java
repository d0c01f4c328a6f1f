package dev.gomvn.core.modules;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.gomod.GoWorkspace;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The modules of a build, from {@code go list -m -json all}, never changing go.mod, go.sum or go.work.sum. */
public final class BuildList {
    private final List<ModuleVersion> modules;

    private BuildList(List<ModuleVersion> modules) {
        this.modules = List.copyOf(modules);
    }

    /**
     * The build list go uses in {@code moduleDirectory}. In a workspace ({@link GoWorkspace}) that is
     * the workspace's, and {@code go list -m all} there writes the sums it lacked to go.work.sum,
     * -mod=readonly notwithstanding: it runs against a scratch copy of go.work and go.work.sum, so the
     * user's files stay as they are.
     *
     * @param offline use only the module cache (GOPROXY=off), as Maven's -o asks
     */
    public static BuildList load(
            Toolchain toolchain, Path moduleDirectory, Map<String, String> environment, boolean offline) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("GOFLAGS", (environment.getOrDefault("GOFLAGS", "") + " -mod=readonly").strip());
        if (offline) {
            env.put("GOPROXY", "off");
        }
        Optional<GoWorkspace> workspace = GoWorkspace.of(moduleDirectory, environment, toolchain.goRoot());
        try (GoWorkspace.Scratch scratch =
                workspace.map(GoWorkspace::scratchCopy).orElse(null)) {
            GoProcessResult result = GoCommand.of(toolchain.goRoot(), "list", "-m", "-json", "all")
                    .environment(scratch == null ? env : scratch.environment(env))
                    .in(moduleDirectory)
                    .captureStdout()
                    .timeout(Duration.ofMinutes(10))
                    .run();
            if (!result.succeeded()) {
                throw new EnvironmentException("'go list -m all' failed in " + moduleDirectory
                        + workspace.map(w -> " (workspace " + w.file() + ")").orElse("")
                        + (offline ? " (offline: only the module cache is used)" : "") + ":\n"
                        + String.join("\n", result.tail()));
            }
            return parse(result.stdout());
        }
    }

    static BuildList parse(String concatenatedJson) {
        List<ModuleVersion> modules = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new StringReader(concatenatedJson))) {
            reader.setLenient(true);
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                JsonObject module = JsonParser.parseReader(reader).getAsJsonObject();
                JsonObject replace = module.has("Replace") ? module.getAsJsonObject("Replace") : null;
                modules.add(new ModuleVersion(
                        module.get("Path").getAsString(),
                        module.has("Version") ? module.get("Version").getAsString() : "",
                        module.has("Main") && module.get("Main").getAsBoolean(),
                        module.has("Indirect") && module.get("Indirect").getAsBoolean(),
                        replace == null
                                ? null
                                : replace.get("Path").getAsString()
                                        + (replace.has("Version")
                                                ? "@" + replace.get("Version").getAsString()
                                                : "")));
            }
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("'go list -m -json all' printed something unexpected: " + e.getMessage(), e);
        }
        return new BuildList(modules);
    }

    public List<ModuleVersion> modules() {
        return modules;
    }

    /** Dependencies only, without the main module. */
    public List<ModuleVersion> dependencies() {
        return modules.stream().filter(m -> !m.main()).toList();
    }

    /** One module of the build list; {@code replacement} is {@code path[@version]} when replaced. */
    public record ModuleVersion(String path, String version, boolean main, boolean indirect, String replacement) {}
}
