package dev.gomvn.core.env;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.FileStamp;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective Go configuration as {@code go env -json} reports it: process environment, then the
 * GOENV file, then {@code $GOROOT/go.env}. It is the source of truth; reading variables ourselves
 * misses {@code go env -w} settings.
 *
 * <p>It runs from GOROOT, not from a module, so its answer depends only on the go binary, the
 * environment, the GOENV file and {@code $GOROOT/go.env}: one run per combination of those serves every
 * module of a reactor (within one build: see {@link Toolchain#memo()}), and a {@code go env -w} is seen.
 */
public final class GoEnvironment {
    private final Map<String, String> values;

    GoEnvironment(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * {@code go env -json} for this GOROOT and this complete environment, run again only when one of
     * its inputs changed; {@code log} shows the run under {@code -X}.
     */
    public static GoEnvironment of(Toolchain toolchain, Map<String, String> environment, GoLog log) {
        Path root = toolchain.goRoot().toAbsolutePath().normalize();
        GoCommand command = GoCommand.of(root, "env", "-json")
                .environment(environment)
                .in(root)
                .log(log);
        Map<String, String> effective = command.effectiveEnvironment();
        CacheKey key = new CacheKey(
                FileStamp.of(GoCommand.executable(root)),
                effective,
                contentOf(root.resolve("go.env")),
                goEnvFile(effective).map(GoEnvironment::contentOf).orElse(""));
        return toolchain.memo().remember(key, k -> load(command));
    }

    /** The GOENV file go reads in this environment: GOENV itself, else go/env in the user's config directory. */
    public static Optional<Path> goEnvFile(Map<String, String> environment) {
        String configured = environment.getOrDefault("GOENV", "");
        if (configured.equals("off")) {
            return Optional.empty();
        }
        if (!configured.isEmpty()) {
            return Optional.of(Path.of(configured));
        }
        return userConfigDirectory(environment)
                .map(directory -> directory.resolve("go").resolve("env"));
    }

    /**
     * The value go's own {@code cfg.Getenv} sees before {@code go env} computes anything: a non-empty
     * environment variable, else the GOENV file, else {@code $GOROOT/go.env}; empty when no layer sets it.
     * For variables whose {@code go env} answer depends on the directory (GOWORK), this is the setting.
     */
    public static String setting(String name, Map<String, String> environment, Path goRoot) {
        String value = environment.getOrDefault(name, "");
        if (!value.isEmpty()) {
            return value;
        }
        // As in Go, a key in the user's file wins over $GOROOT/go.env even when its value is empty.
        Optional<String> fromFile = goEnvFile(environment)
                .map(GoEnvironment::readFile)
                .filter(values -> values.containsKey(name))
                .map(values -> values.get(name));
        if (fromFile.isPresent()) {
            return fromFile.get();
        }
        return readFile(goRoot.resolve("go.env")).getOrDefault(name, "");
    }

    /** Go's env file format: KEY=VALUE lines and {@code #} comments, values taken as written; absent file: empty. */
    public static Map<String, String> readFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
                    continue;
                }
                values.put(
                        trimmed.substring(0, equals).strip(),
                        trimmed.substring(equals + 1).strip());
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not read the Go configuration file " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** Go's os.UserConfigDir. */
    private static Optional<Path> userConfigDirectory(Map<String, String> environment) {
        String goos = Platform.host().goos();
        if (goos.equals("windows")) {
            return nonEmpty(environment.get("AppData"))
                    .or(() -> nonEmpty(environment.get("APPDATA")))
                    .map(Path::of);
        }
        Optional<String> home = nonEmpty(environment.get("HOME"));
        if (goos.equals("darwin")) {
            return home.map(h -> Path.of(h, "Library", "Application Support"));
        }
        return nonEmpty(environment.get("XDG_CONFIG_HOME"))
                .map(Path::of)
                .or(() -> home.map(h -> Path.of(h, ".config")));
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Settings files are a few lines; their content, not their time stamp, is what go reads. */
    private static String contentOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** A configuration with known values, for settings go itself refuses to report (GOFLAGS=-insecure breaks go env). */
    public static GoEnvironment ofValues(Map<String, String> values) {
        return new GoEnvironment(new LinkedHashMap<>(values));
    }

    private static GoEnvironment load(GoCommand command) {
        GoProcessResult result =
                command.captureStdout().timeout(Duration.ofMinutes(2)).run().requireSuccess();
        return parse(result.stdout());
    }

    static GoEnvironment parse(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            throw new EnvironmentException("'go env -json' printed something that is not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new EnvironmentException("'go env -json' printed " + json.strip() + " instead of a JSON object.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : ((JsonObject) root).entrySet()) {
            JsonElement value = entry.getValue();
            values.put(entry.getKey(), value.isJsonNull() ? "" : value.getAsString());
        }
        return new GoEnvironment(values);
    }

    /** The value go reports, empty when go reports the variable as unset or empty. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public Optional<String> find(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Map<String, String> asMap() {
        return values;
    }

    private record CacheKey(
            FileStamp goBinary, Map<String, String> environment, String goRootGoEnv, String goEnvFile) {}
}
