package dev.gomvn.core.policy;

import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.gomod.GoModParseException;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Is this a proper Go module that builds the same everywhere? It has a go.mod with a {@code go}
 * line, module mode is on in every layer, dependencies come with a go.sum, nothing tells go to
 * rewrite go.mod during the build, vendor/ matches go.mod, and (optionally) no {@code replace}
 * reaches outside the repository.
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
            String suggestedModulePath) {
        List<PolicyFinding> findings = new ArrayList<>();
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
        if (!goMod.requires().isEmpty() && !Files.isRegularFile(moduleDirectory.resolve("go.sum"))) {
            findings.add(
                    PolicyFinding.error(
                            "go.sum",
                            goModPath + " requires " + goMod.requires().size()
                                    + " module(s) but there is no go.sum, so nothing pins their content. Fix: run 'go mod tidy' and commit go.sum."));
        }
        if (!allowReplaceOutsideModule) {
            Path root = repositoryRoot.toAbsolutePath().normalize();
            for (GoModFile.Replacement replacement : goMod.replaces()) {
                if (replacement.isLocalDirectory()) {
                    Path target = moduleDirectory
                            .resolve(replacement.newPath())
                            .toAbsolutePath()
                            .normalize();
                    if (!target.startsWith(root)) {
                        findings.add(
                                PolicyFinding.error(
                                        "go.mod",
                                        goModPath + ":" + replacement.line() + ": replace "
                                                + replacement.oldPath() + " => " + replacement.newPath() + " points to "
                                                + target
                                                + ", outside the repository " + root
                                                + ", so the build depends on files no commit records. "
                                                + "Fix: vendor or publish that module, or set <allowReplaceOutsideModule>true</allowReplaceOutsideModule>."));
                    }
                }
            }
        }
        if (Files.isDirectory(moduleDirectory.resolve("vendor"))) {
            GoProcessResult vendor = GoCommand.of(toolchain.goRoot(), "list", "-mod=vendor", "-m")
                    .environment(goEnvironment)
                    .in(moduleDirectory)
                    .timeout(Duration.ofMinutes(2))
                    .run();
            if (!vendor.succeeded()) {
                findings.add(PolicyFinding.error(
                        "vendor",
                        "vendor/modules.txt in " + moduleDirectory
                                + " does not match go.mod:\n" + String.join("\n", vendor.tail())
                                + "\nFix: run 'go mod vendor' and commit vendor/."));
            }
        }
        return findings;
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
