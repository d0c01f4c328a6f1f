package dev.gomvn.core.gobuild;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.toolchain.Toolchain;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code goos/goarch} pairs a toolchain can build for, from {@code go tool dist list -json}. */
public final class DistList {
    private static final Map<String, Set<String>> BY_GOROOT = new ConcurrentHashMap<>();

    private DistList() {}

    public static Set<String> of(Toolchain toolchain) {
        return BY_GOROOT.computeIfAbsent(toolchain.goRoot().toString(), root -> parse(GoCommand.of(toolchain.goRoot(),
                "tool", "dist", "list", "-json").captureStdout().timeout(Duration.ofMinutes(1)).run().requireSuccess().stdout()));
    }

    static Set<String> parse(String json) {
        try {
            Set<String> targets = new LinkedHashSet<>();
            for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
                targets.add(element.getAsJsonObject().get("GOOS").getAsString() + "/"
                        + element.getAsJsonObject().get("GOARCH").getAsString());
            }
            return targets;
        } catch (RuntimeException e) {
            throw new EnvironmentException("'go tool dist list -json' printed something unexpected: " + e.getMessage(), e);
        }
    }
}
