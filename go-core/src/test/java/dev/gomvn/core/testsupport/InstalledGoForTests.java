package dev.gomvn.core.testsupport;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The Go installed on this machine (PATH or GOROOT), for tests that run the real go command. */
public final class InstalledGoForTests {
    private static Toolchain toolchain;

    private InstalledGoForTests() {}

    public static synchronized Toolchain toolchain() {
        if (toolchain == null) {
            toolchain = new ToolchainResolver(GoLog.SILENT)
                    .resolve(ToolchainRequest.builder()
                            .environment(System.getenv())
                            .lockTimeout(Duration.ofMinutes(1))
                            .build());
        }
        return toolchain;
    }

    /**
     * The environment a test's go runs get: this process's (HOME, PATH, caches), with variables that
     * keep them independent of the developer's own settings.
     */
    public static Map<String, String> cleanEnvironment() {
        return processEnvironmentWith(Map.of("GOFLAGS", "", "CGO_ENABLED", "0", "GOENV", "off"));
    }

    /** This process's environment with {@code variables} over it: what a build passes to the core. */
    public static Map<String, String> processEnvironmentWith(Map<String, String> variables) {
        Map<String, String> environment = new TreeMap<>(System.getenv());
        environment.putAll(variables);
        return environment;
    }
}
