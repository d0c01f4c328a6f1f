package dev.gomvn.core.modules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
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
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The modules of a build, never changing go.mod, go.sum or go.work.sum: the whole module graph
 * ({@link #load}) or only the modules whose packages are linked ({@link #linked}).
 */
public final class BuildList {
    /** go's words for a go.sum that lacks a line or holds a wrong one. */
    private static final Pattern GO_SUM_PROBLEM =
            Pattern.compile(".*(missing go\\.sum entry|checksum mismatch|SECURITY ERROR|verifying \\S+: ).*");

    private final List<ModuleVersion> modules;

    private BuildList(List<ModuleVersion> modules) {
        this.modules = List.copyOf(modules);
    }

    /**
     * The build list go uses in {@code moduleDirectory}: every module of the module graph, linked or
     * not ({@code go list -m all}).
     *
     * @param offline use only the module cache (GOPROXY=off), as Maven's -o asks
     * @throws GoSumProblemException when go.sum lacks or contradicts a line go needs
     */
    public static BuildList load(
            Toolchain toolchain, Path moduleDirectory, Map<String, String> environment, boolean offline, GoLog log) {
        // Beside a vendor directory go would refuse to compute 'all' from vendor/modules.txt.
        String output = run(
                toolchain,
                moduleDirectory,
                environment,
                offline,
                log,
                List.of("list", "-mod=readonly", "-m", "-json", "all"),
                "go list -m all");
        List<ModuleVersion> modules = new ArrayList<>();
        parseObjects(output, "go list -m -json all", object -> modules.add(module(object)));
        return new BuildList(modules);
    }

    /**
     * The modules that provide the packages the build and its tests use: {@code go list -deps -test
     * ./...} in {@code moduleDirectory}, for the platform of {@code environment} (GOOS, GOARCH and build
     * tags as the go command sees them; the host's unless set). A module that is only in the module
     * graph, required by some dependency but providing no linked package, is not in this list.
     *
     * @throws GoSumProblemException when go.sum lacks or contradicts a line for a linked package's module
     */
    public static BuildList linked(
            Toolchain toolchain, Path moduleDirectory, Map<String, String> environment, boolean offline, GoLog log) {
        String output = run(
                toolchain,
                moduleDirectory,
                environment,
                offline,
                log,
                List.of("list", "-deps", "-test", "-e", "-json=ImportPath,Module,Error", "./..."),
                "go list -deps -test ./...");
        Map<String, ModuleVersion> modules = new LinkedHashMap<>();
        List<String> goSumErrors = new ArrayList<>();
        List<String> otherErrors = new ArrayList<>();
        parseObjects(output, "go list -deps -test -json ./...", packageObject -> {
            if (packageObject.has("Module")) {
                ModuleVersion module = module(packageObject.getAsJsonObject("Module"));
                modules.putIfAbsent(module.path(), module);
            }
            JsonElement error = packageObject.has("Error")
                    ? packageObject.getAsJsonObject("Error").get("Err")
                    : null;
            if (error != null) {
                String firstLine = error.getAsString().lines().findFirst().orElse("");
                boolean goSum = GO_SUM_PROBLEM
                        .matcher(error.getAsString().replace('\n', ' '))
                        .matches();
                if (goSum) {
                    goSumErrors.add(firstLine);
                } else {
                    otherErrors.add(packageObject.get("ImportPath").getAsString() + ": " + firstLine);
                }
            }
        });
        if (!goSumErrors.isEmpty()) {
            throw goSumProblem(moduleDirectory, goSumErrors.get(0), goSumErrors.size());
        }
        // A package go could not load hides the modules it imports: judging without them would be guessing.
        if (!otherErrors.isEmpty()) {
            throw new EnvironmentException("'go list -deps -test ./...' could not load every package in "
                    + moduleDirectory + (offline ? " (offline: only the module cache is used)" : "") + ":\n"
                    + String.join("\n", otherErrors.subList(0, Math.min(5, otherErrors.size())))
                    + (otherErrors.size() > 5 ? "\n(and " + (otherErrors.size() - 5) + " more)" : ""));
        }
        return new BuildList(List.copyOf(modules.values()));
    }

    /**
     * Runs go in {@code moduleDirectory} so that it cannot write the user's files: a {@code -mod=mod}
     * in GOFLAGS is dropped (go's default is -mod=readonly, or -mod=vendor beside a vendor directory,
     * which the build uses too), and in a workspace ({@link GoWorkspace}), where go
     * writes missing sums to go.work.sum whatever -mod says, it runs against a scratch copy of go.work
     * and go.work.sum.
     */
    private static String run(
            Toolchain toolchain,
            Path moduleDirectory,
            Map<String, String> environment,
            boolean offline,
            GoLog log,
            List<String> arguments,
            String shownAs) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        String goFlags = environment.getOrDefault("GOFLAGS", "").replaceAll("(^|\\s)--?mod=mod(?=\\s|$)", " ");
        env.put("GOFLAGS", goFlags.strip());
        if (offline) {
            env.put("GOPROXY", "off");
        }
        Optional<GoWorkspace> workspace = GoWorkspace.of(moduleDirectory, environment, toolchain.goRoot());
        try (GoWorkspace.Scratch scratch =
                workspace.map(GoWorkspace::scratchCopy).orElse(null)) {
            GoProcessResult result = GoCommand.of(toolchain.goRoot(), arguments)
                    .log(log)
                    .environment(scratch == null ? env : scratch.environment(env))
                    .in(moduleDirectory)
                    .captureStdout()
                    .timeout(Duration.ofMinutes(10))
                    .run();
            if (!result.succeeded()) {
                result.tail().stream()
                        .filter(line -> GO_SUM_PROBLEM.matcher(line).matches())
                        .findFirst()
                        .ifPresent(line -> {
                            throw goSumProblem(moduleDirectory, line, 1);
                        });
                throw new EnvironmentException("'" + shownAs + "' failed in " + moduleDirectory
                        + workspace.map(w -> " (workspace " + w.file() + ")").orElse("")
                        + (offline ? " (offline: only the module cache is used)" : "") + ":\n"
                        + String.join("\n", result.tail()));
            }
            return result.stdout();
        }
    }

    private static GoSumProblemException goSumProblem(Path moduleDirectory, String goLine, int count) {
        // go's own "to add it: go mod download M" would write go.sum without tidying; the fix below is the one to run.
        String reason = goLine.strip().replaceFirst("^go: ", "").replaceFirst(";? *to add( it)?:.*$", "");
        boolean mismatch = !reason.contains("missing go.sum entry");
        return new GoSumProblemException(
                "go cannot load the modules of " + moduleDirectory + " because go.sum "
                        + (mismatch ? "disagrees with a downloaded module" : "is incomplete") + ": " + reason
                        + (count > 1 ? " (and " + (count - 1) + " more)" : "") + ". Fix: "
                        + (mismatch
                                ? "find out why the go.sum line and the module differ; never just delete the line"
                                : "run 'go mod tidy' and commit go.sum")
                        + " (requireModules and requireGoSumVerified name every missing or wrong line).",
                reason);
    }

    private static void parseObjects(String concatenatedJson, String command, Consumer<JsonObject> each) {
        try (JsonReader reader = new JsonReader(new StringReader(concatenatedJson))) {
            reader.setLenient(true);
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                each.accept(JsonParser.parseReader(reader).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentException("'" + command + "' printed something unexpected: " + e.getMessage(), e);
        }
    }

    private static ModuleVersion module(JsonObject module) {
        JsonObject replace = module.has("Replace") ? module.getAsJsonObject("Replace") : null;
        return new ModuleVersion(
                module.get("Path").getAsString(),
                module.has("Version") ? module.get("Version").getAsString() : "",
                module.has("Main") && module.get("Main").getAsBoolean(),
                module.has("Indirect") && module.get("Indirect").getAsBoolean(),
                replace == null
                        ? null
                        : replace.get("Path").getAsString()
                                + (replace.has("Version")
                                        ? "@" + replace.get("Version").getAsString()
                                        : ""));
    }

    public List<ModuleVersion> modules() {
        return modules;
    }

    /** Dependencies only, without the main module (in a workspace: without any workspace module). */
    public List<ModuleVersion> dependencies() {
        return modules.stream().filter(m -> !m.main()).toList();
    }

    /** One module of the build list; {@code replacement} is {@code path[@version]} when replaced. */
    public record ModuleVersion(String path, String version, boolean main, boolean indirect, String replacement) {}
}
