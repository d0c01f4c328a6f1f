package dev.gomvn.core.toolchain;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.Platform;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.version.GoVersion;
import java.nio.file.Path;

/**
 * The Go a build runs with, and how we know we can trust it.
 *
 * @param origin one sentence for the log: which Go, from where, verified how
 * @param memo   what this build already learned from go binaries, so each module does not ask again
 */
public record Toolchain(Path goRoot, GoVersion version, Platform platform, String origin, BuildMemo memo) {

    public Path goExecutable() {
        return GoCommand.executable(goRoot);
    }
}
