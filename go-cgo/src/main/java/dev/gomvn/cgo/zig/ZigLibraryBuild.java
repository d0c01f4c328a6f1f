package dev.gomvn.cgo.zig;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.gobuild.GoQuoting;
import dev.gomvn.core.process.ToolProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Links an empty C program for a target with {@code zig cc}, in Zig's cache directory, as go's two links of a cgo
 * package do (cgo's position-independent {@code _cgo_.o} check, then the host link of the binary): Zig then builds
 * and caches the target's C libraries for both there, from a directory that is the same for every checkout.
 */
final class ZigLibraryBuild {
    private static final String PROGRAM = "int main(void) { return 0; }\n";

    private ZigLibraryBuild() {}

    /** The flags go's two links add to CGO_LDFLAGS (go build -x, -ldflags=-v), as far as they change Zig's libraries. */
    private static final List<List<String>> GO_LINKS =
            List.of(List.of("-fPIC", "-pthread"), List.of("-rdynamic", "-lpthread"));

    static void run(Path zig, String triple, String linkerFlags, Path cacheDirectory) {
        for (List<String> goFlags : GO_LINKS) {
            link(zig, triple, goFlags, linkerFlags, cacheDirectory);
        }
    }

    private static void link(Path zig, String triple, List<String> goFlags, String linkerFlags, Path cacheDirectory) {
        try {
            Path directory = Files.createDirectories(cacheDirectory.resolve("gomvn-prepared"));
            Path source = directory.resolve("empty.c");
            if (!Files.isRegularFile(source)) {
                Files.writeString(source, PROGRAM, StandardCharsets.UTF_8);
            }
            List<String> command = new ArrayList<>(List.of(zig.toString(), "cc", "-target", triple));
            command.addAll(goFlags);
            command.addAll(GoQuoting.split(linkerFlags, "go.environment"));
            command.addAll(List.of("-o", directory.resolve(triple + ".out").toString(), source.toString()));
            ProcessBuilder builder = ToolProcess.builder(command).directory(cacheDirectory.toFile());
            builder.environment().put("ZIG_GLOBAL_CACHE_DIR", cacheDirectory.toString());
            builder.environment().put("ZIG_LOCAL_CACHE_DIR", cacheDirectory.toString());
            ToolProcess.Output output = ToolProcess.run(builder, Duration.ofMinutes(30));
            if (output.exitCode() != 0) {
                throw new EnvironmentException("Zig could not build its C library for " + triple + " ('"
                        + String.join(" ", command) + "' in " + cacheDirectory + " failed with exit code "
                        + output.exitCode() + "): " + output.text().strip());
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not run Zig to build its C library for " + triple + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while Zig built its C library for " + triple + ".", e);
        }
    }
}
