package dev.gomvn.core.gosum;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.gomod.GoWorkspace;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Proves go.sum is complete and true, where {@code go mod verify} alone is not enough (it checks only
 * what is already in the module cache, and passes on an empty one). {@code go mod download} and
 * {@code go mod verify} may add lines, so go never runs against the project's own files:
 * <ul>
 *   <li>a lone module is checked against a temporary copy of go.mod and go.sum ({@code -modfile});</li>
 *   <li>a module in a workspace (the go.work go finds from its directory, see {@link GoWorkspace}) is
 *       checked in workspace mode, as {@code go build} there judges it, because {@code -modfile} is
 *       refused in workspace mode and GOWORK=off would judge a different build. Go runs with GOWORK
 *       set to a {@link GoWorkspace#scratchCopy() scratch copy} of go.work (the same modules by
 *       absolute path) beside a copy of go.work.sum: it reads each module's go.mod and go.sum where
 *       they are, never writes them in workspace mode, and writes the lines it lacked to the copy of
 *       go.work.sum only. Every workspace module's go.sum and go.work.sum count as sum files.</li>
 * </ul>
 * The steps:
 * <ol>
 *   <li>{@code go mod download} fetches every module of the build list into the cache and checks each
 *       zip and go.mod against the sum files: a wrong line fails even on an empty cache;</li>
 *   <li>{@code go list -deps -test ./...} (with {@code -mod=mod} for a lone module; a workspace adds
 *       missing lines by itself) writes to the copy every line the build and its tests need: whatever it
 *       added was missing;</li>
 *   <li>{@code go mod verify} re-hashes the cached modules: the cache was not tampered with;</li>
 *   <li>go.mod and go.sum, and in a workspace go.work, go.work.sum and every module's go.mod and go.sum,
 *       are byte-identical afterwards.</li>
 * </ol>
 * {@code go mod tidy} ignores go.work, so {@code checkTidy} judges a workspace module alone, with
 * GOWORK=off, and the report says so.
 */
public final class GoSumVerifier {
    private static final GoVersion TIDY_DIFF = GoVersion.parse("1.23");

    private final Toolchain toolchain;
    private final Map<String, String> environment;
    private final ProxyLogin proxyLogin;
    private final GoLog log;

    /** @param proxyLogin for its go runs, which download and verify and run nothing of the user's */
    public GoSumVerifier(Toolchain toolchain, Map<String, String> environment, ProxyLogin proxyLogin, GoLog log) {
        this.toolchain = toolchain;
        this.environment = environment;
        this.proxyLogin = proxyLogin;
        this.log = log;
    }

    public GoSumReport verify(Path moduleDirectory, boolean checkTidy, boolean offline) {
        List<GoSumFinding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        Path vendor = null;
        Optional<GoWorkspace> workspace = GoWorkspace.of(moduleDirectory, environment, toolchain.goRoot());
        Set<Path> userFiles =
                new LinkedHashSet<>(List.of(moduleDirectory.resolve("go.mod"), moduleDirectory.resolve("go.sum")));
        workspace.ifPresent(w -> userFiles.addAll(w.files()));
        Map<Path, String> before = new LinkedHashMap<>();
        userFiles.forEach(file -> before.put(file, digest(file)));
        if (workspace.isPresent() && !workspace.get().uses(moduleDirectory)) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.NOT_IN_WORKSPACE, "", workspace.get().notOneOfItsModules(moduleDirectory)));
        } else {
            Path candidate =
                    workspace.map(w -> w.directory().resolve("vendor")).orElse(moduleDirectory.resolve("vendor"));
            if (Files.isDirectory(candidate)) {
                vendor = candidate;
                verifyVendor(moduleDirectory, workspace, findings, notes);
            } else if (workspace.isPresent()) {
                verifyInWorkspace(moduleDirectory, workspace.get(), offline, findings);
            } else {
                verifyAlone(moduleDirectory, offline, findings);
            }
            if (checkTidy) {
                checkTidy(moduleDirectory, offline, workspace, findings, infos);
            }
        }
        reportChanged(before, findings);
        return new GoSumReport(
                findings, notes, infos, workspace.map(GoWorkspace::file).orElse(null), vendor);
    }

    private void verifyInWorkspace(
            Path moduleDirectory, GoWorkspace workspace, boolean offline, List<GoSumFinding> findings) {
        Path goSum = moduleDirectory.resolve("go.sum");
        try (GoWorkspace.Scratch scratch = workspace.scratchCopy()) {
            List<Path> sumFiles = new ArrayList<>(List.of(goSum));
            workspace.sumFiles().stream()
                    .filter(file -> !file.equals(goSum.toAbsolutePath().normalize()))
                    .forEach(sumFiles::add);
            verifyModules(
                    moduleDirectory,
                    new Sums(
                            scratch.environment(environment(offline)),
                            List.of(),
                            List.of(),
                            scratch.sumFile(),
                            sumFiles,
                            workspace.sumFile(),
                            " (in the workspace " + workspace.file() + ", run against its temporary copy "
                                    + scratch.workFile() + ")"),
                    findings);
        }
    }

    private void verifyAlone(Path moduleDirectory, boolean offline, List<GoSumFinding> findings) {
        Path goSum = moduleDirectory.resolve("go.sum");
        Path copy = createCopy(moduleDirectory.resolve("go.mod"), goSum);
        try {
            verifyModules(
                    moduleDirectory,
                    new Sums(
                            environment(offline),
                            List.of("-modfile=" + copy),
                            List.of("-mod=mod"),
                            copy.resolveSibling("go.sum"),
                            List.of(goSum),
                            null,
                            ""),
                    findings);
        } finally {
            deleteTree(copy.getParent());
        }
    }

    private static void reportChanged(Map<Path, String> before, List<GoSumFinding> findings) {
        List<String> changed = before.entrySet().stream()
                .filter(e -> !e.getValue().equals(digest(e.getKey())))
                .map(e -> e.getKey().toString())
                .toList();
        if (!changed.isEmpty()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.FILE_MODIFIED,
                    "",
                    String.join(", ", changed)
                            + " changed while they were verified; something in GOFLAGS or the environment makes go rewrite them. "
                            + "Restore them from version control and remove that setting."));
        }
    }

    /**
     * How go checks the sums of one module.
     *
     * @param env        the environment go runs with
     * @param flags      added to every go command ({@code -modfile} for a lone module)
     * @param listFlags  added to {@code go list} so that it writes what is missing
     * @param written    the temporary sum file go adds lines to
     * @param sumFiles   the user's sum files go reads, the module's go.sum first
     * @param goWorkSum  the user's go.work.sum in workspace mode, else null
     * @param where      how go ran, for a failure message: in which workspace, on which copy; empty alone
     */
    private record Sums(
            Map<String, String> env,
            List<String> flags,
            List<String> listFlags,
            Path written,
            List<Path> sumFiles,
            Path goWorkSum,
            String where) {}

    private void verifyModules(Path moduleDirectory, Sums sums, List<GoSumFinding> findings) {
        List<String> downloadArguments = new ArrayList<>(List.of("mod", "download", "-json"));
        downloadArguments.addAll(sums.flags());
        Run download = run(moduleDirectory, sums.env(), downloadArguments);
        Set<String> mismatched = new LinkedHashSet<>();
        GoOutputFindings.mismatches(download.output(), sums.sumFiles(), mismatched, findings);
        GoOutputFindings.offline(download.output(), findings);
        List<String> listArguments = new ArrayList<>(List.of("list"));
        listArguments.addAll(sums.flags());
        listArguments.addAll(sums.listFlags());
        listArguments.addAll(
                List.of("-deps", "-test", "-e", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}", "./..."));
        Run list = run(moduleDirectory, sums.env(), listArguments);
        GoOutputFindings.mismatches(list.output(), sums.sumFiles(), mismatched, findings);
        GoOutputFindings.offline(list.output(), findings);
        if (mismatched.isEmpty()) {
            GoOutputFindings.missing(moduleDirectory, sums.sumFiles(), sums.written(), sums.goWorkSum(), findings);
        }
        List<String> verifyArguments = new ArrayList<>(List.of("mod", "verify"));
        verifyArguments.addAll(sums.flags());
        Run verify = run(moduleDirectory, sums.env(), verifyArguments);
        GoOutputFindings.cacheTampered(verify.output(), findings);
        if (!download.succeeded() && findings.isEmpty()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.GO_FAILED,
                    "",
                    "'go mod download' failed in " + moduleDirectory + sums.where() + ":\n"
                            + String.join("\n", download.tail())));
        }
    }

    private void verifyVendor(
            Path moduleDirectory, Optional<GoWorkspace> workspace, List<GoSumFinding> findings, List<String> notes) {
        Run list = run(moduleDirectory, environment, "list", "-mod=vendor", "-m");
        if (workspace.isPresent()) {
            Path vendor = workspace.get().directory().resolve("vendor");
            if (!list.succeeded()) {
                findings.add(new GoSumFinding(
                        GoSumFinding.Kind.VENDOR_INCONSISTENT,
                        "",
                        vendor.resolve("modules.txt") + " does not match the workspace "
                                + workspace.get().file() + ":\n"
                                + String.join("\n", list.tail()) + "\nFix: run 'go work vendor' in "
                                + workspace.get().directory() + " and commit vendor/."));
            }
            notes.add(vendor + " is used: its modules.txt matches the workspace, but Go never checksums vendored file "
                    + "contents; review changes to vendor/ like your own code.");
            return;
        }
        if (!list.succeeded()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.VENDOR_INCONSISTENT,
                    "",
                    "vendor/modules.txt in "
                            + moduleDirectory + " does not match go.mod:\n" + String.join("\n", list.tail())
                            + "\nFix: run 'go mod vendor' and commit vendor/."));
        }
        notes.add("vendor/ is used: vendor/modules.txt matches go.mod, but Go never checksums vendored file contents; "
                + "review changes to vendor/ like your own code.");
    }

    /** {@code go mod tidy} ignores go.work: in a workspace it runs with GOWORK=off, and says so. */
    private void checkTidy(
            Path moduleDirectory,
            boolean offline,
            Optional<GoWorkspace> workspace,
            List<GoSumFinding> findings,
            List<String> infos) {
        if (toolchain.version().compareTo(TIDY_DIFF) < 0) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.NOT_TIDY,
                    "",
                    "<checkTidy> needs 'go mod tidy -diff', which Go " + toolchain.version()
                            + " lacks; use Go 1.23 or newer (go.version) or set <checkTidy>false</checkTidy>."));
            return;
        }
        Map<String, String> env = environment(offline);
        String alone = "";
        if (workspace.isPresent()) {
            env.put("GOWORK", "off");
            alone = "checked with GOWORK=off, because 'go mod tidy' ignores go.work: ";
            infos.add("checkTidy: " + alone + moduleDirectory + " is judged as a lone module, not with the workspace "
                    + workspace.get().file() + ".");
        }
        Run tidy = run(moduleDirectory, env, "mod", "tidy", "-diff");
        if (!tidy.succeeded()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.NOT_TIDY,
                    "",
                    alone + "go.mod/go.sum in " + moduleDirectory
                            + " are not tidy; 'go mod tidy' would change:\n"
                            + tidy.output().strip()
                            + "\nFix: run 'go mod tidy' and commit the result."));
        }
    }

    private Map<String, String> environment(boolean offline) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        // Our own -mod flags must win over the user's GOFLAGS, and the copy is the only file go may write.
        env.put(
                "GOFLAGS",
                environment
                        .getOrDefault("GOFLAGS", "")
                        .replaceAll("(^|\\s)--?mod(file)?=\\S+", " ")
                        .strip());
        if (offline) {
            env.put("GOPROXY", "off");
        }
        return env;
    }

    /** Runs go keeping all of its output: mismatch reports can come early in a long stderr. */
    private Run run(Path directory, Map<String, String> env, String... arguments) {
        return run(directory, env, List.of(arguments));
    }

    private Run run(Path directory, Map<String, String> env, List<String> arguments) {
        StringBuilder stderr = new StringBuilder();
        GoProcessResult result = GoCommand.of(toolchain.goRoot(), arguments)
                .log(log)
                .environment(env)
                .proxyLogin(proxyLogin)
                .in(directory)
                .captureStdout()
                .onStderr(line -> {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                })
                .timeout(Duration.ofMinutes(15))
                .run();
        return new Run(result, result.stdout() + "\n" + stderr);
    }

    private record Run(GoProcessResult result, String output) {
        boolean succeeded() {
            return result.succeeded();
        }

        List<String> tail() {
            return result.tail();
        }
    }

    private static Path createCopy(Path goMod, Path goSum) {
        try {
            Path directory = Files.createTempDirectory("gomvn-gosum-");
            Path copy = directory.resolve("go.mod");
            Files.copy(goMod, copy);
            if (Files.isRegularFile(goSum)) {
                Files.copy(goSum, directory.resolve("go.sum"));
            }
            return copy;
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not copy go.mod and go.sum to a temporary directory: " + e.getMessage(), e);
        }
    }

    private static String digest(Path file) {
        return Files.isRegularFile(file) ? Sha256.of(file) : "absent";
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory holds only copies.
        }
    }
}
