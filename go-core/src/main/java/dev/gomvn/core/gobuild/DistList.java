package dev.gomvn.core.gobuild;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.FileStamp;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.toolchain.Toolchain;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** The {@code goos/goarch} pairs a toolchain can build for, from {@code go tool dist list -json}. */
public final class DistList {
    private DistList() {}

    public static Set<String> of(Toolchain toolchain, GoLog log) {
        // Keyed by the go binary's stamp: a Go upgraded in place (same GOROOT) is asked again.
        String listed = toolchain.memo().rememberOnDisk(new Targets(FileStamp.of(toolchain.goExecutable())), key -> {
            String json = GoCommand.of(toolchain.goRoot(), "tool", "dist", "list", "-json")
                    .log(log)
                    .timeout(Duration.ofMinutes(1))
                    .output();
            parse(json); // only a list is kept
            return json;
        });
        return parse(listed);
    }

    private record Targets(FileStamp goBinary) {}

    static Set<String> parse(String json) {
        try {
            Set<String> targets = new LinkedHashSet<>();
            for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
                targets.add(element.getAsJsonObject().get("GOOS").getAsString() + "/"
                        + element.getAsJsonObject().get("GOARCH").getAsString());
            }
            return targets;
        } catch (RuntimeException e) {
            throw new EnvironmentException(
                    "'go tool dist list -json' printed something unexpected: " + e.getMessage(), e);
        }
    }
}
