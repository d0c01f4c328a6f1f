package dev.gomvn.core.provision.install;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a second build in its own JVM, because OS file locks only exclude other processes.
 *
 * <ul>
 *   <li>{@code hold <lockFile>}: takes the lock, prints {@code LOCKED}, holds it until stdin closes.
 *   <li>{@code install <root> <archive> <sha256> <fetchLog>}: installs go1.22.5 linux/amd64 from
 *       {@code archive}, appending a line to {@code fetchLog} for every download, and prints
 *       {@code FRESH=<true|false>}.
 * </ul>
 *
 * Log lines go to stdout prefixed with {@code INFO}, so the test can see when it waits for the lock.
 */
public final class OtherBuildProcess {

    static final Platform PLATFORM = new Platform("linux", "amd64");

    public static void main(String[] args) throws IOException {
        GoLog log = new GoLog() {
            @Override
            public void info(String message) {
                System.out.println("INFO " + message);
                System.out.flush();
            }

            @Override
            public void warn(String message) {
                info(message);
            }

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
        switch (args[0]) {
            case "hold" -> {
                try (InstallLock lock = InstallLock.acquire(Path.of(args[1]), Duration.ofSeconds(30), log)) {
                    System.out.println("LOCKED");
                    System.out.flush();
                    System.in.read();
                }
            }
            case "install" -> {
                Path archive = Path.of(args[2]);
                Path fetchLog = Path.of(args[4]);
                SdkCache cache = new SdkCache(Path.of(args[1]), log, Duration.ofSeconds(30));
                InstalledSdk sdk = cache.install(new SdkInstallRequest(
                        "go1.22.5",
                        PLATFORM,
                        archive.getFileName().toString(),
                        args[3],
                        "the test",
                        target -> {
                            Files.writeString(
                                    fetchLog, "fetched\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            Files.copy(archive, target, StandardCopyOption.REPLACE_EXISTING);
                        },
                        home -> {}));
                System.out.println("FRESH=" + sdk.freshlyInstalled());
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Starts this class in a new JVM with the test class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OtherBuildProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process output until a line contains {@code text}; fails if the process ends first. */
    static List<String> awaitLine(Process process, BufferedReader output, String text) throws IOException {
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            seen.add(line);
            if (line.contains(text)) {
                return seen;
            }
        }
        throw new AssertionError("The other process ended ("
                + process.onExit().join().exitValue() + ") without printing '" + text + "'; it printed " + seen);
    }

    static BufferedReader outputOf(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
