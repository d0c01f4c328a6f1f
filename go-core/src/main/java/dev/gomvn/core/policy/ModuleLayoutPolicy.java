package dev.gomvn.core.policy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.gomod.GoModParseException;
import dev.gomvn.core.gomod.GoWorkspace;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Is this a proper Go module that builds the same everywhere? It has a go.mod with a {@code go}
 * line, module mode is on in every layer, dependencies come with a go.sum, nothing tells go to
 * rewrite go.mod during the build, vendor/ matches go.mod, and (optionally) no {@code replace}
 * reaches outside the repository.
 *
 * <p>The module is judged as {@code go build} in its directory judges it: when a go.work applies
 * ({@link GoWorkspace}), the module must be one of the workspace's modules, every workspace module's
 * go.sum and go.work.sum count as sum files, go.work's {@code replace}s apply, and vendor/ means the
 * workspace's.
 */
public final class ModuleLayoutPolicy {
    private static final Pattern MOD_MOD = Pattern.compile("(^|\\s)--?mod=mod(\\s|$)");

    private ModuleLayoutPolicy() {}

    /**
     * @param repositoryRoot     local replacements must stay inside it, unless allowed
     * @param suggestedModulePath what to propose to {@code go mod init}
     */
    public static List<PolicyFinding> check(
            Path moduleDirectory,
            Toolchain toolchain,
            GoEnvironment environment,
            GoSettingSources sources,
            Map<String, String> goEnvironment,
            boolean allowReplaceOutsideModule,
            Path repositoryRoot,
            String suggestedModulePath,
            GoLog log) {
        List<PolicyFinding> findings = new ArrayList<>();
        checkModuleMode(environment, sources, findings);
        Path goModPath = moduleDirectory.resolve("go.mod");
        if (!Files.isRegularFile(goModPath)) {
            findings.add(PolicyFinding.error(
                    "go.mod",
                    moduleDirectory + " has .go files but no go.mod, so it builds in GOPATH "
                            + "mode without version or checksum control. Fix: run 'go mod init " + suggestedModulePath
                            + "' and "
                            + "'go mod tidy' there, and commit go.mod and go.sum."));
            return findings;
        }
        GoModFile goMod;
        try {
            goMod = GoModFile.parse(goModPath);
        } catch (GoModParseException e) {
            findings.add(PolicyFinding.error("go.mod", e.getMessage()));
            return findings;
        }
        if (goMod.goVersion().isEmpty()) {
            findings.add(PolicyFinding.error(
                    "go.mod",
                    goModPath + " has no 'go' line, so go assumes go 1.16 semantics. Fix: " + "run 'go mod edit -go="
                            + toolchain.version().languageVersion() + "' and commit go.mod."));
        }
        Optional<GoWorkspace> workspace;
        try {
            workspace = GoWorkspace.of(moduleDirectory, goEnvironment, toolchain.goRoot());
        } catch (GoModParseException e) {
            findings.add(PolicyFinding.error("go.work", e.getMessage()));
            return findings;
        }
        if (workspace.isPresent() && !workspace.get().uses(moduleDirectory)) {
            findings.add(PolicyFinding.error("go.work", workspace.get().notOneOfItsModules(moduleDirectory)));
            return findings;
        }
        checkSumFiles(goModPath, goMod, workspace, findings);
        if (!allowReplaceOutsideModule) {
            checkReplacesInside(repositoryRoot, goModPath, goMod, workspace, findings);
        }
        checkVendor(moduleDirectory, toolchain, goEnvironment, workspace, findings, log);
        return findings;
    }

    /** GO111MODULE=off and GOFLAGS=-mod=mod each take away what go.mod and go.sum guarantee. */
    private static void checkModuleMode(
            GoEnvironment environment, GoSettingSources sources, List<PolicyFinding> findings) {
        if (environment.get("GO111MODULE").strip().equals("off")) {
            SettingSource source = sources.sourceOf("GO111MODULE");
            findings.add(PolicyFinding.error(
                    "GO111MODULE",
                    "GO111MODULE=off (set by " + source + ") puts go in GOPATH mode: "
                            + "go.mod and go.sum are ignored and nothing is verified. Fix: "
                            + source.howToRemove("GO111MODULE") + "."));
        }
        String goFlags = environment.get("GOFLAGS");
        if (MOD_MOD.matcher(goFlags).find()) {
            SettingSource source = sources.sourceOf("GOFLAGS");
            findings.add(PolicyFinding.error(
                    "GOFLAGS",
                    "GOFLAGS=" + goFlags + " (set by " + source + ") contains -mod=mod, so "
                            + "builds may rewrite go.mod and go.sum in CI instead of failing on a missing requirement. Fix: "
                            + source.howToRemove("GOFLAGS")
                            + " (or drop -mod=mod from it); go's default -mod=readonly is what CI wants."));
        }
    }

    /** Local replacements must stay inside the repository, or the build depends on files no commit records. */
    private static void checkReplacesInside(
            Path repositoryRoot,
            Path goModPath,
            GoModFile goMod,
            Optional<GoWorkspace> workspace,
            List<PolicyFinding> findings) {
        Path root = repositoryRoot.toAbsolutePath().normalize();
        List<GoWorkspace.ReplaceDirective> replaces = new ArrayList<>();
        goMod.replaces().forEach(r -> replaces.add(new GoWorkspace.ReplaceDirective(goModPath, r)));
        // In workspace mode go.work's replacements apply to this module's build as much as its own.
        workspace.ifPresent(w ->
                w.workFile().replaces().forEach(r -> replaces.add(new GoWorkspace.ReplaceDirective(w.file(), r))));
        for (GoWorkspace.ReplaceDirective replace : replaces) {
            Optional<Path> target = replace.localDirectory();
            if (target.isPresent() && !target.get().startsWith(root)) {
                GoModFile.Replacement replacement = replace.replacement();
                findings.add(
                        PolicyFinding.error(
                                replace.file().getFileName().toString(),
                                replace.file() + ":" + replacement.line() + ": replace "
                                        + replacement.oldPath() + " => " + replacement.newPath() + " points to "
                                        + target.get()
                                        + ", outside the repository " + root
                                        + ", so the build depends on files no commit records. "
                                        + "Fix: vendor or publish that module, or set <allowReplaceOutsideModule>true</allowReplaceOutsideModule>."));
            }
        }
    }

    /**
     * How many of go.mod's requirements need sum lines: those no local directory replaces. Replacements
     * are go.mod's own, in a workspace go.work's and every workspace module's go.mod's, which all apply
     * there. A requirement on another workspace module (app requires lib, both used) is met by that
     * module's directory: go builds with it and reads no sum for it.
     */
    public static long requirementsNeedingSums(Path goModPath, GoModFile goMod, Optional<GoWorkspace> workspace) {
        List<GoWorkspace.ReplaceDirective> replaces = workspace
                .map(GoWorkspace::replaces)
                .orElseGet(() -> goMod.replaces().stream()
                        .map(r -> new GoWorkspace.ReplaceDirective(goModPath, r))
                        .toList());
        return goMod.requires().stream()
                .filter(required -> workspace.isEmpty() || !workspace.get().providesModule(required.path()))
                .filter(required -> replaces.stream()
                        .noneMatch(replace -> replace.localDirectory().isPresent()
                                && replace.replacement().oldPath().equals(required.path())
                                && (replace.replacement().oldVersion() == null
                                        || replace.replacement().oldVersion().equals(required.version()))))
                .count();
    }

    /** The vendor directory go builds with: the module's, in a workspace the workspace's beside go.work. */
    public static Path vendorDirectory(Path moduleDirectory, Optional<GoWorkspace> workspace) {
        return workspace.map(w -> w.directory().resolve("vendor")).orElse(moduleDirectory.resolve("vendor"));
    }

    /** Requirements that need sum lines need a sum file; in a workspace every module's go.sum and go.work.sum count. */
    private static void checkSumFiles(
            Path goModPath, GoModFile goMod, Optional<GoWorkspace> workspace, List<PolicyFinding> findings) {
        long needSums = requirementsNeedingSums(goModPath, goMod, workspace);
        if (needSums == 0) {
            return;
        }
        if (workspace.isEmpty()) {
            if (!Files.isRegularFile(goModPath.resolveSibling("go.sum"))) {
                findings.add(PolicyFinding.error(
                        "go.sum",
                        goModPath + " requires " + HumanReadable.count(needSums, "module", "modules")
                                + " but there is no go.sum, so nothing pins " + (needSums == 1 ? "its" : "their")
                                + " content. Fix: run 'go mod tidy' and commit go.sum."));
            }
            return;
        }
        GoWorkspace work = workspace.get();
        if (work.sumFiles().stream().noneMatch(Files::isRegularFile)) {
            findings.add(PolicyFinding.error(
                    "go.sum",
                    goModPath + " requires " + HumanReadable.count(needSums, "module", "modules")
                            + " that no local directory replaces, but its workspace "
                            + work.file() + " has no go.work.sum and none of its modules has a go.sum, so nothing pins "
                            + "their content. Fix: run 'go mod download' in " + goModPath.getParent()
                            + " (in workspace mode go writes the lines to go.work.sum) and commit go.work.sum, "
                            + "or run 'go mod tidy' there (it ignores go.work) and commit go.sum."));
        }
    }

    /**
     * vendor/ must match what go builds with: the module's vendor/ alone, in workspace mode the
     * workspace's vendor/ beside go.work ({@code go work vendor}); a module's own vendor/ is ignored then.
     */
    private static void checkVendor(
            Path moduleDirectory,
            Toolchain toolchain,
            Map<String, String> goEnvironment,
            Optional<GoWorkspace> workspace,
            List<PolicyFinding> findings,
            GoLog log) {
        Path vendor = vendorDirectory(moduleDirectory, workspace);
        if (workspace.isPresent()
                && Files.isDirectory(moduleDirectory.resolve("vendor"))
                && !Files.isDirectory(vendor)) {
            findings.add(PolicyFinding.warning(
                    "vendor",
                    moduleDirectory.resolve("vendor") + " is ignored: in the workspace "
                            + workspace.get().file()
                            + " go builds from the module cache unless the workspace has its own vendor directory "
                            + vendor + " ('go work vendor')."));
        }
        if (Files.isDirectory(vendor)) {
            GoProcessResult result = GoCommand.of(toolchain.goRoot(), "list", "-mod=vendor", "-m")
                    .log(log)
                    .environment(goEnvironment)
                    .in(moduleDirectory)
                    .timeout(Duration.ofMinutes(2))
                    .run();
            if (!result.succeeded()) {
                findings.add(PolicyFinding.error(
                        "vendor",
                        workspace.isPresent()
                                ? vendor.resolve("modules.txt") + " does not match the workspace "
                                        + workspace.get().file() + ":\n" + String.join("\n", result.tail())
                                        + "\nFix: run 'go work vendor' in "
                                        + workspace.get().directory()
                                        + " and commit vendor/."
                                : "vendor/modules.txt in " + moduleDirectory
                                        + " does not match go.mod:\n" + String.join("\n", result.tail())
                                        + "\nFix: run 'go mod vendor' and commit vendor/."));
            }
        }
    }

    /** True when the directory holds a go.mod or any .go file: only such Maven modules are checked. */
    public static boolean isGoModule(Path directory) {
        if (Files.isRegularFile(directory.resolve("go.mod"))) {
            return true;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".go") && Files.isRegularFile(file));
        } catch (IOException e) {
            return false;
        }
    }
}
