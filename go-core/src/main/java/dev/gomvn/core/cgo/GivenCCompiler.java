package dev.gomvn.core.cgo;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.gobuild.GoQuoting;
import dev.gomvn.core.process.ToolProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A C compiler the user's environment names ({@code CC=aarch64-linux-gnu-gcc}), asked once what it is: its path and
 * {@code --version} are a build input, and its target triplet and sysroot say where the target's {@code .pc} files
 * are.
 *
 * @param command the value of CC, as go splits it
 * @param path the executable it runs
 * @param version the first line of its {@code --version}
 * @param machine what {@code -dumpmachine} prints, e.g. {@code aarch64-linux-gnu}
 * @param sysroot what {@code -print-sysroot} prints; empty when it has none (Debian's cross compilers)
 */
record GivenCCompiler(String command, Path path, String version, String machine, String sysroot) {

    static GivenCCompiler probe(String variable, String command, Map<String, String> environment) {
        List<String> words = GoQuoting.split(command, "go.environment");
        if (words.isEmpty()) {
            throw new ConfigurationException("go.environment", variable + " is empty; name a C compiler or unset it.");
        }
        Path path = resolve(words.get(0), environment.getOrDefault("PATH", ""))
                .orElseThrow(() -> new ConfigurationException(
                        "go.environment",
                        variable + "=" + command + ": there is no program " + words.get(0) + " on the build's PATH."
                                + " Install that C compiler (Debian: e.g. gcc-aarch64-linux-gnu), give its full path,"
                                + " or unset " + variable + " so that gomvn provides Zig."));
        List<String> base = new ArrayList<>(words);
        base.set(0, path.toString());
        return new GivenCCompiler(
                command,
                path,
                firstLine(run(variable, base, "--version", environment)),
                firstLine(run(variable, base, "-dumpmachine", environment)),
                firstLine(run(variable, base, "-print-sysroot", environment)));
    }

    /** The compiler's identity for the build fingerprint. */
    String identity() {
        return command + " (" + path + ": " + version + ")";
    }

    private static Optional<Path> resolve(String program, String searchPath) {
        if (program.contains("/") || program.contains(File.separator)) {
            return Optional.of(Path.of(program)).filter(Files::isExecutable);
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : List.of(program, program + ".exe")) {
                Path candidate = Path.of(directory, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String run(String variable, List<String> base, String flag, Map<String, String> environment) {
        List<String> command = new ArrayList<>(base);
        command.add(flag);
        try {
            ToolProcess.Output output =
                    ToolProcess.run(ToolProcess.builder(command, environment), Duration.ofSeconds(60));
            if (output.exitCode() != 0 && !flag.equals("-print-sysroot")) {
                throw new ConfigurationException(
                        "go.environment",
                        variable + "=" + String.join(" ", base) + " " + flag + " failed with exit code "
                                + output.exitCode() + ": " + firstLine(output.text()) + ". Is it a C compiler?");
            }
            return output.exitCode() == 0 ? output.text() : "";
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not run " + variable + " (" + base.get(0) + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while asking " + variable + " what it is.", e);
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
