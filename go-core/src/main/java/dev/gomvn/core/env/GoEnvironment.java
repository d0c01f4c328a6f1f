package dev.gomvn.core.env;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The effective Go configuration as {@code go env -json} reports it: process environment, then the
 * GOENV file, then {@code $GOROOT/go.env}. It is the source of truth; reading variables ourselves
 * misses {@code go env -w} settings.
 *
 * <p>It runs from GOROOT, not from a module, so its answer depends only on the toolchain and the
 * environment: one run per toolchain and environment serves every module of a reactor.
 */
public final class GoEnvironment {
    private static final Map<CacheKey, GoEnvironment> CACHE = new ConcurrentHashMap<>();

    private final Map<String, String> values;

    GoEnvironment(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** {@code go env -json} for this GOROOT and these extra variables, run at most once per build. */
    public static GoEnvironment of(Path goRoot, Map<String, String> environment) {
        GoCommand command = GoCommand.of(goRoot, "env", "-json").environment(environment);
        CacheKey key = new CacheKey(goRoot.toAbsolutePath().normalize(), command.effectiveEnvironment());
        return CACHE.computeIfAbsent(key, k -> load(command.in(k.goRoot())));
    }

    /** A configuration with known values, for settings go itself refuses to report (GOFLAGS=-insecure breaks go env). */
    public static GoEnvironment ofValues(Map<String, String> values) {
        return new GoEnvironment(new LinkedHashMap<>(values));
    }

    private static GoEnvironment load(GoCommand command) {
        GoProcessResult result = command.captureStdout().timeout(Duration.ofMinutes(2)).run().requireSuccess();
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

    private record CacheKey(Path goRoot, Map<String, String> environment) {}
}
