package dev.gomvn.core.toolchain;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.FileStamp;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionOutput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Go that is already on this machine: {@code go.root}, the GOROOT variable, or the go on PATH. */
public final class InstalledGo {
    private InstalledGo() {}

    /** The Go a user would get by typing {@code go} in this environment, if any. */
    public static Optional<Toolchain> find(Map<String, String> environment, BuildMemo memo, GoLog log) {
        String goRoot = environment.get("GOROOT");
        if (goRoot != null && !goRoot.isBlank() && Files.isRegularFile(GoCommand.executable(Path.of(goRoot)))) {
            return Optional.of(
                    at(Path.of(goRoot), "installed Go at " + goRoot + " (GOROOT environment variable)", memo, log));
        }
        return onPath(environment).map(root -> at(root, "installed Go at " + root + " (found on PATH)", memo, log));
    }

    static Toolchain at(Path goRoot, String origin, BuildMemo memo, GoLog log) {
        Path executable = GoCommand.executable(goRoot);
        if (!Files.isRegularFile(executable)) {
            throw new ConfigurationException(
                    "go.root",
                    "<goRoot> (go.root) is " + goRoot + ", but " + executable
                            + " does not exist; point it at a Go installation (the directory that holds bin/go).");
        }
        GoVersionOutput reported = versionOf(goRoot, memo, log);
        return new Toolchain(
                goRoot, reported.version(), new Platform(reported.goos(), reported.goarch()), origin, memo);
    }

    /**
     * What {@code bin/go version} says. Running it (rather than reading the VERSION file) is the only
     * way to learn the platform and to prove the binary runs here.
     */
    static GoVersionOutput versionOf(Path goRoot, BuildMemo memo, GoLog log) {
        Path root = goRoot.toAbsolutePath().normalize();
        // Keyed by the go binary's stamp: a Go upgraded in place (same GOROOT) is asked again.
        String output = memo.rememberOnDisk(
                new ReportedVersion(FileStamp.of(GoCommand.executable(root))), key -> runGoVersion(root, log));
        return parse(root, output);
    }

    private record ReportedVersion(FileStamp goBinary) {}

    /** The line it printed, kept only when it is one: a go that printed something else is asked again. */
    private static String runGoVersion(Path goRoot, GoLog log) {
        String output = GoCommand.of(goRoot, "version")
                .log(log)
                .timeout(Duration.ofMinutes(1))
                .output()
                .strip();
        parse(goRoot, output);
        return output;
    }

    private static GoVersionOutput parse(Path goRoot, String output) {
        try {
            return GoVersion.fromGoVersionOutput(output);
        } catch (GoCoreException e) {
            throw new ConfigurationException(
                    "go.root",
                    GoCommand.executable(goRoot) + " printed '" + output + "', which is not a go version line; is "
                            + goRoot + " a Go installation?",
                    e);
        }
    }

    private static Optional<Path> onPath(Map<String, String> environment) {
        String path = environment.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
        for (String directory : List.of(path.split(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : List.of("go", "go.exe")) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    try {
                        // /usr/bin/go is often a link into the real GOROOT (Debian, Homebrew).
                        Path real = candidate.toRealPath();
                        return Optional.of(real.getParent().getParent());
                    } catch (IOException e) {
                        continue;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
