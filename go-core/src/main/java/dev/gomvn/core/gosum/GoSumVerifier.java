package dev.gomvn.core.gosum;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.gomod.GoSumFile;
import dev.gomvn.core.gomod.GoWorkspace;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern MISMATCH = Pattern.compile("verifying (\\S+?)@(\\S+?)(/go\\.mod)?: checksum mismatch");
    private static final Pattern DOWNLOADED = Pattern.compile("downloaded: (h1:[A-Za-z0-9+/=]+)");
    private static final Pattern OFFLINE = Pattern.compile("(\\S+?)@(\\S+?): module lookup disabled by GOPROXY=off");
    private static final Pattern MODIFIED =
            Pattern.compile("(\\S+) (\\S+): dir has been modified.*|(\\S+) (\\S+): zip has been modified.*");
    private static final GoVersion TIDY_DIFF = GoVersion.parse("1.23");

    private final Toolchain toolchain;
    private final Map<String, String> environment;
    private final GoLog log;

    public GoSumVerifier(Toolchain toolchain, Map<String, String> environment, GoLog log) {
        this.toolchain = toolchain;
        this.environment = environment;
        this.log = log;
    }

    public GoSumReport verify(Path moduleDirectory, boolean checkTidy, boolean offline) {
        List<GoSumFinding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        Path vendor = null;
        Path goMod = moduleDirectory.resolve("go.mod");
        Path goSum = moduleDirectory.resolve("go.sum");
        Optional<GoWorkspace> workspace = GoWorkspace.of(moduleDirectory, environment, toolchain.goRoot());
        Set<Path> userFiles = new LinkedHashSet<>(List.of(goMod, goSum));
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
                try (GoWorkspace.Scratch scratch = workspace.get().scratchCopy()) {
                    List<Path> sumFiles = new ArrayList<>(List.of(goSum));
                    workspace.get().sumFiles().stream()
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
                                    workspace.get().sumFile(),
                                    " (in the workspace " + workspace.get().file() + ", run against its temporary copy "
                                            + scratch.workFile() + ")"),
                            findings);
                }
            } else {
                Path copy = createCopy(goMod, goSum);
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
            if (checkTidy) {
                checkTidy(moduleDirectory, offline, workspace, findings, infos);
            }
        }
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
        return new GoSumReport(
                findings, notes, infos, workspace.map(GoWorkspace::file).orElse(null), vendor);
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
        String downloadOutput = download.output();
        collectMismatches(downloadOutput, sums.sumFiles(), mismatched, findings);
        collectOffline(downloadOutput, findings);
        List<String> listArguments = new ArrayList<>(List.of("list"));
        listArguments.addAll(sums.flags());
        listArguments.addAll(sums.listFlags());
        listArguments.addAll(
                List.of("-deps", "-test", "-e", "-f", "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}", "./..."));
        Run list = run(moduleDirectory, sums.env(), listArguments);
        String listOutput = list.output();
        collectMismatches(listOutput, sums.sumFiles(), mismatched, findings);
        collectOffline(listOutput, findings);
        if (mismatched.isEmpty()) {
            reportMissing(moduleDirectory, sums, findings);
        }
        List<String> verifyArguments = new ArrayList<>(List.of("mod", "verify"));
        verifyArguments.addAll(sums.flags());
        Run verify = run(moduleDirectory, sums.env(), verifyArguments);
        for (String line : verify.output().split("\n")) {
            Matcher m = MODIFIED.matcher(line.strip());
            if (m.matches()) {
                String module = m.group(1) != null ? m.group(1) + "@" + m.group(2) : m.group(3) + "@" + m.group(4);
                findings.add(new GoSumFinding(
                        GoSumFinding.Kind.CACHE_TAMPERED,
                        module,
                        "The module cache copy of " + module
                                + " no longer matches what was downloaded (" + line.strip()
                                + "). Fix: 'go clean -modcache' and "
                                + "find out what wrote into the cache."));
            }
        }
        if (!download.succeeded() && findings.isEmpty()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.GO_FAILED,
                    "",
                    "'go mod download' failed in " + moduleDirectory + sums.where() + ":\n"
                            + String.join("\n", download.tail())));
        }
    }

    private static void collectMismatches(
            String output, List<Path> sumFiles, Set<String> seen, List<GoSumFinding> findings) {
        Matcher m = MISMATCH.matcher(output);
        while (m.find()) {
            String module = m.group(1);
            String version = m.group(2);
            boolean goModHash = m.group(3) != null;
            if (!seen.add(module + "@" + version + (goModHash ? "/go.mod" : ""))) {
                continue;
            }
            Matcher downloaded =
                    DOWNLOADED.matcher(output.substring(m.end(), Math.min(output.length(), m.end() + 300)));
            String hash = downloaded.find() ? downloaded.group(1) : "";
            findings.add(
                    new GoSumFinding(
                            GoSumFinding.Kind.CHECKSUM_MISMATCH,
                            module + "@" + version,
                            location(sumFiles, module, version, goModHash, hash) + ": the go.sum line for " + module
                                    + " "
                                    + version + (goModHash ? "/go.mod" : "")
                                    + " disagrees with the module's real content (checksum mismatch, verified by downloading it). Someone "
                                    + "changed go.sum or the module was replaced at its origin: find out which; never just delete the line."));
        }
    }

    private static void collectOffline(String output, List<GoSumFinding> findings) {
        Matcher m = OFFLINE.matcher(output);
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            String module = m.group(1) + "@" + m.group(2);
            if (seen.add(module)) {
                findings.add(
                        new GoSumFinding(
                                GoSumFinding.Kind.OFFLINE_MISSING,
                                module,
                                module + " is not in the module "
                                        + "cache and Maven runs offline (-o), so it cannot be verified. Run the build once online."));
            }
        }
    }

    /** The file and line holding the wrong hash: the first sum file whose line for it differs from what go downloaded. */
    private static String location(
            List<Path> sumFiles, String module, String version, boolean goModHash, String downloaded) {
        String any = null;
        for (Path sumFile : sumFiles) {
            if (Files.isRegularFile(sumFile)) {
                for (GoSumFile.GoSumEntry entry : GoSumFile.parse(sumFile).entries()) {
                    if (entry.module().equals(module)
                            && entry.version().equals(version)
                            && entry.goMod() == goModHash) {
                        String place = sumFile + ":" + entry.line();
                        if (!entry.hash().equals(downloaded)) {
                            return place;
                        }
                        any = any == null ? place : any;
                    }
                }
            }
        }
        return any != null ? any : sumFiles.get(0).toString();
    }

    /** Lines the temporary sum file gained are lines none of the user's sum files holds. */
    private static void reportMissing(Path moduleDirectory, Sums sums, List<GoSumFinding> findings) {
        Set<String> before = new LinkedHashSet<>();
        sums.sumFiles().forEach(file -> before.addAll(lines(file)));
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String line : lines(sums.written())) {
            if (!before.contains(line)) {
                String[] fields = line.split("\\s+");
                if (fields.length == 3) {
                    boolean goMod = fields[1].endsWith("/go.mod");
                    String version = goMod ? fields[1].substring(0, fields[1].length() - 7) : fields[1];
                    missing.computeIfAbsent(fields[0] + "@" + version, k -> new ArrayList<>())
                            .add(goMod ? "go.mod hash" : "zip hash");
                }
            }
        }
        Path goSum = sums.sumFiles().get(0);
        missing.forEach(
                (module, kinds) -> findings.add(
                        new GoSumFinding(
                                GoSumFinding.Kind.MISSING_ENTRY,
                                module,
                                sums.goWorkSum() == null
                                        ? goSum + " lacks the " + String.join(" and ", kinds) + " of "
                                                + module.replace("@", " ")
                                                + ", which the build or its tests need. Fix: run 'go mod tidy' and commit go.sum."
                                        : "Neither " + goSum + " nor " + sums.goWorkSum()
                                                + " (nor the go.sum of another workspace module) holds the "
                                                + String.join(" and ", kinds)
                                                + " of " + module.replace("@", " ")
                                                + ", which the build or its tests need; go build in the workspace would fetch it unpinned and "
                                                + "add it to go.work.sum. Fix: run 'go mod download " + module + "' in "
                                                + moduleDirectory
                                                + " and commit go.work.sum, or run 'go mod tidy' there (it ignores go.work) and commit go.sum.")));
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

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
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
