package dev.gomvn.core.gosum;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.gomod.GoSumFile;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves go.sum is complete and true, where {@code go mod verify} alone is not enough (it checks only
 * what is already in the module cache, and passes on an empty one). Every go command runs against a
 * temporary copy of go.mod and go.sum ({@code -modfile}), because {@code go mod download} and
 * {@code go mod verify} may add lines: the project's own files are never written.
 * <ol>
 *   <li>{@code go mod download} fetches every module of the build list into the cache and checks each
 *       zip and go.mod against go.sum: a wrong line fails even on an empty cache;</li>
 *   <li>{@code go list -deps -test ./...} with {@code -mod=mod} adds to the copy every line the build
 *       and its tests need: whatever it added was missing;</li>
 *   <li>{@code go mod verify} re-hashes the cached modules: the cache was not tampered with;</li>
 *   <li>go.mod and go.sum are byte-identical afterwards.</li>
 * </ol>
 */
public final class GoSumVerifier {
    private static final Pattern MISMATCH = Pattern.compile("verifying (\\S+?)@(\\S+?)(/go\\.mod)?: checksum mismatch");
    private static final Pattern OFFLINE = Pattern.compile("(\\S+?)@(\\S+?): module lookup disabled by GOPROXY=off");
    private static final Pattern MODIFIED =
            Pattern.compile("(\\S+) (\\S+): dir has been modified.*|(\\S+) (\\S+): zip has been modified.*");
    private static final GoVersion TIDY_DIFF = GoVersion.parse("1.23");

    private final Toolchain toolchain;
    private final Map<String, String> environment;

    public GoSumVerifier(Toolchain toolchain, Map<String, String> environment) {
        this.toolchain = toolchain;
        this.environment = environment;
    }

    public GoSumReport verify(Path moduleDirectory, boolean checkTidy, boolean offline) {
        List<GoSumFinding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path goMod = moduleDirectory.resolve("go.mod");
        Path goSum = moduleDirectory.resolve("go.sum");
        String goModBefore = digest(goMod);
        String goSumBefore = digest(goSum);
        if (Files.isDirectory(moduleDirectory.resolve("vendor"))) {
            verifyVendor(moduleDirectory, findings, notes);
        } else {
            Path copy = createCopy(goMod, goSum);
            try {
                verifyModules(moduleDirectory, goSum, copy, offline, findings);
            } finally {
                deleteTree(copy.getParent());
            }
        }
        if (checkTidy) {
            checkTidy(moduleDirectory, offline, findings);
        }
        if (!goModBefore.equals(digest(goMod)) || !goSumBefore.equals(digest(goSum))) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.FILE_MODIFIED,
                    "",
                    "go.mod or go.sum in " + moduleDirectory
                            + " changed while they were verified; something in GOFLAGS or the environment makes go rewrite them. "
                            + "Restore them from version control and remove that setting."));
        }
        return new GoSumReport(findings, notes);
    }

    private void verifyModules(
            Path moduleDirectory, Path goSum, Path copy, boolean offline, List<GoSumFinding> findings) {
        Map<String, String> env = environment(offline);
        String modfile = "-modfile=" + copy;
        Run download = run(moduleDirectory, env, "mod", "download", "-json", modfile);
        Set<String> mismatched = new LinkedHashSet<>();
        String downloadOutput = download.output();
        collectMismatches(downloadOutput, goSum, mismatched, findings);
        collectOffline(downloadOutput, findings);
        Run list = run(
                moduleDirectory,
                env,
                "list",
                modfile,
                "-mod=mod",
                "-deps",
                "-test",
                "-e",
                "-f",
                "{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}",
                "./...");
        String listOutput = list.output();
        collectMismatches(listOutput, goSum, mismatched, findings);
        collectOffline(listOutput, findings);
        if (mismatched.isEmpty()) {
            reportMissing(goSum, copy.resolveSibling("go.sum"), findings);
        }
        Run verify = run(moduleDirectory, env, "mod", "verify", modfile);
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
                    "'go mod download' failed in " + moduleDirectory + ":\n" + String.join("\n", download.tail())));
        }
    }

    private static void collectMismatches(String output, Path goSum, Set<String> seen, List<GoSumFinding> findings) {
        Matcher m = MISMATCH.matcher(output);
        while (m.find()) {
            String module = m.group(1);
            String version = m.group(2);
            boolean goModHash = m.group(3) != null;
            if (!seen.add(module + "@" + version + (goModHash ? "/go.mod" : ""))) {
                continue;
            }
            findings.add(
                    new GoSumFinding(
                            GoSumFinding.Kind.CHECKSUM_MISMATCH,
                            module + "@" + version,
                            location(goSum, module, version, goModHash) + ": the go.sum line for " + module + " "
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

    private static String location(Path goSum, String module, String version, boolean goModHash) {
        if (Files.isRegularFile(goSum)) {
            for (GoSumFile.GoSumEntry entry : GoSumFile.parse(goSum).entries()) {
                if (entry.module().equals(module) && entry.version().equals(version) && entry.goMod() == goModHash) {
                    return goSum + ":" + entry.line();
                }
            }
        }
        return goSum.toString();
    }

    /** Lines the temporary go.sum gained are lines the real one lacks. */
    private static void reportMissing(Path goSum, Path copiedGoSum, List<GoSumFinding> findings) {
        Set<String> before = new LinkedHashSet<>(lines(goSum));
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String line : lines(copiedGoSum)) {
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
        missing.forEach((module, kinds) -> findings.add(new GoSumFinding(
                GoSumFinding.Kind.MISSING_ENTRY,
                module,
                goSum + " lacks the " + String.join(" and ", kinds) + " of " + module.replace("@", " ")
                        + ", which the build or its tests need. Fix: run 'go mod tidy' and commit go.sum.")));
    }

    private void verifyVendor(Path moduleDirectory, List<GoSumFinding> findings, List<String> notes) {
        Run list = run(moduleDirectory, environment, "list", "-mod=vendor", "-m");
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

    private void checkTidy(Path moduleDirectory, boolean offline, List<GoSumFinding> findings) {
        if (toolchain.version().compareTo(TIDY_DIFF) < 0) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.NOT_TIDY,
                    "",
                    "<checkTidy> needs 'go mod tidy -diff', which Go " + toolchain.version()
                            + " lacks; use Go 1.23 or newer (go.version) or set <checkTidy>false</checkTidy>."));
            return;
        }
        Run tidy = run(moduleDirectory, environment(offline), "mod", "tidy", "-diff");
        if (!tidy.succeeded()) {
            findings.add(new GoSumFinding(
                    GoSumFinding.Kind.NOT_TIDY,
                    "",
                    "go.mod/go.sum in " + moduleDirectory
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
        StringBuilder stderr = new StringBuilder();
        GoProcessResult result = GoCommand.of(toolchain.goRoot(), arguments)
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
