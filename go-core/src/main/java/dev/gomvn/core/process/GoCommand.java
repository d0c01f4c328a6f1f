package dev.gomvn.core.process;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the go command of a chosen GOROOT. It always runs with {@code GOTOOLCHAIN=local},
 * so go.mod can never make it download and exec another toolchain behind our back, and with
 * {@code GOROOT/bin} first on PATH so tools that call {@code go} again get the same one.
 * Output is streamed line by line as it arrives, never buffered to the end.
 */
public final class GoCommand {
    private static final int TAIL_LINES = 40;
    /** The last line of a failed run's tail when a proxy asked go for the login it was not given. */
    public static final String PROXY_LOGIN_WITHHELD = "(gomvn: go gets the settings.xml proxy's login only to"
            + " download a module's requirements ahead, with 'go list -mod=readonly -e -deps -test ./...', never for go build, go test or"
            + " go generate, which run your code and C compilers. This run needed a module that was not downloaded"
            + " ahead: require it in go.mod, or download it before the build with 'go mod download'.)";

    private final Path goRoot;
    private final Path executable;
    private final List<String> arguments;
    private Path workingDirectory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofHours(1);
    private Consumer<String> stdoutLines = line -> {};
    private Consumer<String> stderrLines = line -> {};
    private boolean captureStdout;
    private GoLog log = GoLog.SILENT;
    private PerRun perRun = PerRun.NOTHING;
    private PerRun proxyLogin = PerRun.NOTHING;

    private GoCommand(Path goRoot, Path executable, List<String> arguments) {
        this.goRoot = goRoot;
        this.executable = executable;
        this.arguments = List.copyOf(arguments);
    }

    public static GoCommand of(Path goRoot, String... arguments) {
        return of(goRoot, List.of(arguments));
    }

    public static GoCommand of(Path goRoot, List<String> arguments) {
        return new GoCommand(goRoot, executable(goRoot), arguments);
    }

    /** A Go tool such as govulncheck, run like go itself: this GOROOT's go first on PATH, GOTOOLCHAIN=local. */
    public static GoCommand tool(Path goRoot, Path tool, List<String> arguments) {
        return new GoCommand(goRoot, tool, arguments);
    }

    public GoCommand in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /**
     * The environment go runs with: the build's process environment with the user's variables
     * (GOFLAGS, GOPROXY, CC ...) over it. Callers pass it complete; without it go sees only GOROOT,
     * GOTOOLCHAIN and PATH, which is enough for {@code go version} and {@code go tool dist list}.
     */
    public GoCommand environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** What this run alone may see (a one-shot login file), set up before go starts and removed after it ends. */
    public GoCommand perRun(PerRun value) {
        this.perRun = value;
        return this;
    }

    /**
     * The settings.xml proxy login for this run, which must be one that runs nothing of the user's ({@code go mod},
     * {@code go list} without -compiled/-export, or {@code go build}/{@code go install} with cgo off and no {@code -toolexec}): go hands
     * its environment to the test binaries, generators and C compilers it runs.
     *
     * @throws IllegalArgumentException for a run that could run the user's code
     */
    public GoCommand proxyLogin(PerRun login) {
        if (login != PerRun.NOTHING && !runsNothingOfTheUsers()) {
            throw new IllegalArgumentException("'" + commandLine() + "' may run the user's code: no proxy login");
        }
        this.proxyLogin = login;
        return this;
    }

    private boolean runsNothingOfTheUsers() {
        if (arguments.isEmpty() || !executable.equals(executable(goRoot))) {
            return false;
        }
        String toolexec = "-toolexec";
        boolean noToolexec = arguments.stream().noneMatch(a -> a.startsWith(toolexec))
                && !environment.getOrDefault("GOFLAGS", "").contains(toolexec);
        return switch (arguments.get(0)) {
            case "mod", "env", "version" -> true;
            // Only -compiled and -export make go list run cgo (and so a C compiler) or build.
            case "list" -> arguments.stream().noneMatch(a -> a.startsWith("-compiled") || a.startsWith("-export"));
            case "build", "install" -> "0".equals(environment.get("CGO_ENABLED")) && noToolexec;
            default -> false;
        };
    }

    public GoCommand timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    public GoCommand onStdout(Consumer<String> consumer) {
        this.stdoutLines = consumer;
        return this;
    }

    public GoCommand onStderr(Consumer<String> consumer) {
        this.stderrLines = consumer;
        return this;
    }

    /** Where {@code -X} shows the command line and environment of this run (credentials hidden). */
    public GoCommand log(GoLog value) {
        this.log = value;
        return this;
    }

    /** Keep all of stdout for the caller (for small outputs such as go env -json). */
    public GoCommand captureStdout() {
        this.captureStdout = true;
        return this;
    }

    /** Runs go for a small answer ({@code go version}, {@code go env -json}): all of stdout, or a failure with go's tail. */
    public String output() {
        return captureStdout().run().requireSuccess().stdout();
    }

    public static Path executable(Path goRoot) {
        Path unix = goRoot.resolve("bin").resolve("go");
        Path windows = goRoot.resolve("bin").resolve("go.exe");
        return Files.isRegularFile(windows) && !Files.isRegularFile(unix) ? windows : unix;
    }

    /** What a user can paste into a shell to repeat this run. */
    public String commandLine() {
        String name = executable.getFileName().toString().replaceFirst("\\.exe$", "");
        return name + " " + String.join(" ", arguments);
    }

    /**
     * The complete environment the child sees. Never the signing key's passphrase: go hands its environment to
     * generators, tests and C compilers, which are the project's code.
     */
    public Map<String, String> effectiveEnvironment() {
        Map<String, String> result = new LinkedHashMap<>(environment);
        ToolProcess.removeSecrets(result);
        result.put("GOROOT", goRoot.toString());
        result.put("GOTOOLCHAIN", "local");
        String pathKey = result.keySet().stream()
                .filter(k -> k.equalsIgnoreCase("PATH"))
                .findFirst()
                .orElse("PATH");
        String path = result.get(pathKey);
        String bin = goRoot.resolve("bin").toString();
        result.put(pathKey, path == null || path.isEmpty() ? bin : bin + java.io.File.pathSeparator + path);
        return result;
    }

    public GoProcessResult run() {
        PerRun.Opened login = proxyLogin.open();
        PerRun.Opened opened = perRun.open();
        try {
            Map<String, String> variables = new LinkedHashMap<>(login.variables());
            variables.putAll(opened.variables());
            return run(variables);
        } finally {
            opened.close().run();
            login.close().run();
        }
    }

    private GoProcessResult run(Map<String, String> perRunVariables) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = processBuilder(command, perRunVariables);
        long started = System.nanoTime();
        Process process = start(builder);
        List<String> tail = Collections.synchronizedList(new ArrayList<>());
        StringBuilder captured = captureStdout ? new StringBuilder() : null;
        Thread out = pump(
                process.getInputStream(),
                line -> {
                    if (captured != null) {
                        synchronized (captured) {
                            captured.append(line).append('\n');
                        }
                    } else {
                        remember(tail, line);
                    }
                    stdoutLines.accept(line);
                },
                "go-stdout");
        Thread err = pump(
                process.getErrorStream(),
                line -> {
                    remember(tail, line);
                    stderrLines.accept(line);
                },
                "go-stderr");
        awaitExit(process, out, err);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (process.exitValue() != 0
                && proxyLogin == PerRun.NOTHING
                && tail.stream().anyMatch(line -> line.contains("Proxy Authentication Required"))) {
            tail.add(PROXY_LOGIN_WITHHELD);
        }
        return new GoProcessResult(
                commandLine(),
                process.exitValue(),
                captured == null ? "" : captured.toString(),
                List.copyOf(tail),
                elapsed);
    }

    private ProcessBuilder processBuilder(List<String> command, Map<String, String> perRunVariables) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(effectiveEnvironment());
        builder.environment().putAll(perRunVariables);
        GoCommandTrace.log(log, workingDirectory, command, builder.environment());
        return builder;
    }

    private Process start(ProcessBuilder builder) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not start " + executable + " (" + e.getMessage()
                            + "); check that <goRoot> (go.root) points to a Go installation for this machine.",
                    e);
        }
        closeQuietly(process);
        return process;
    }

    /** Waits for go and for the last of its output; past the timeout or on an interrupt, go and its children are killed. */
    private void awaitExit(Process process, Thread out, Thread err) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new EnvironmentException(
                        "'" + commandLine() + "' did not finish within " + HumanReadable.duration(timeout)
                                + " and was stopped; raise the timeout or look at the output above for what hung.");
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while running '" + commandLine() + "'.", e);
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin of a child we never write to; nothing to recover.
        }
    }

    private static void remember(List<String> tail, String line) {
        synchronized (tail) {
            tail.add(line);
            if (tail.size() > TAIL_LINES) {
                tail.remove(0);
            }
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.accept(line);
                        }
                    } catch (IOException ignored) {
                        // The stream closes when the process is killed; what we read so far is kept.
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
