package dev.gomvn.core.testsupport;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.toolchain.ToolchainRequest;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.time.Duration;
import java.util.Map;

/** The Go installed on this machine (PATH or GOROOT), for tests that run the real go command. */
public final class InstalledGoForTests {
    private static Toolchain toolchain;

    private InstalledGoForTests() {}

    public static synchronized Toolchain toolchain() {
        if (toolchain == null) {
            toolchain = new ToolchainResolver(GoLog.SILENT).resolve(new ToolchainRequest(null, null, null, null, null, Map.of(),
                    null, null, Map.of(), null, Duration.ofMinutes(1)));
        }
        return toolchain;
    }

    /** Variables that keep a test's go runs independent of the developer's own settings. */
    public static Map<String, String> cleanEnvironment() {
        return Map.of("GOFLAGS", "", "CGO_ENABLED", "0", "GOENV", "off");
    }
}
