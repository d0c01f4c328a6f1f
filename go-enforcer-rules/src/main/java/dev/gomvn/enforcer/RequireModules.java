package dev.gomvn.enforcer;

import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.gomod.GoWorkspace;
import dev.gomvn.core.policy.ModuleLayoutPolicy;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The Go code must be a proper module: go.mod with a {@code go} line, module mode on in every layer,
 * a go.sum when there are dependencies, no {@code -mod=mod} in GOFLAGS, vendor/ consistent with
 * go.mod, and optionally no {@code replace} pointing outside the repository.
 */
@Named("requireModules")
public final class RequireModules extends AbstractGoRule {

    /** Allow {@code replace} directives that point to directories outside the repository. */
    private boolean allowReplaceOutsideModule = true;

    @Inject
    public RequireModules(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        Toolchain toolchain = toolchain(directory);
        var environment = effectiveGoEnvironment(toolchain);
        report(ModuleLayoutPolicy.check(
                directory,
                toolchain,
                environment,
                settingSources(toolchain, environment),
                goEnvironment(),
                allowReplaceOutsideModule,
                repositoryRoot(directory),
                suggestedModulePath(),
                goLog()));
        // The policy passed, so go.mod exists, parses and has a go line, and a workspace applying uses it.
        Path goModPath = directory.resolve("go.mod");
        GoModFile goMod = GoModFile.parse(goModPath);
        Optional<GoWorkspace> workspace = GoWorkspace.of(directory, goEnvironment(), toolchain.goRoot());
        int requirements = goMod.requires().size();
        long needSums = ModuleLayoutPolicy.requirementsNeedingSums(goModPath, goMod, workspace);
        long replaced = requirements - needSums;
        String sums;
        if (requirements == 0) {
            sums = "no requirements";
        } else if (needSums == 0) {
            sums = HumanReadable.count(requirements, "requirement", "requirements")
                    + ", all met by local directories (a replace or a workspace module)";
        } else {
            sums = workspace
                            .map(w -> "go.work.sum or a module's go.sum present for ")
                            .orElse("go.sum present for ")
                    + HumanReadable.count(needSums, "requirement", "requirements")
                    + (replaced > 0
                            ? " (" + replaced + " more met by local directories: a replace or a workspace module)"
                            : "");
        }
        Path vendor = ModuleLayoutPolicy.vendorDirectory(directory, workspace);
        return "module " + goMod.modulePath().orElse("(no module path)") + " with 'go "
                + goMod.goVersion().map(Object::toString).orElse("?") + "' in module mode (GO111MODULE not off, "
                + "no -mod=mod in GOFLAGS), "
                + workspace
                        .map(w -> "one of the modules of the workspace " + w.file() + ", ")
                        .orElse("")
                + sums
                + (Files.isDirectory(vendor)
                        ? workspace.isPresent() ? ", " + vendor + " matches the workspace" : ", vendor/ matches go.mod"
                        : "")
                + (allowReplaceOutsideModule ? "" : ", no replace outside the repository");
    }

    /** The enclosing git work tree, else the top of the Maven build. */
    private Path repositoryRoot(Path directory) {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return new File(session().getExecutionRootDirectory()).toPath();
    }

    private String suggestedModulePath() {
        String[] group = project().getGroupId().split("\\.");
        StringBuilder host = new StringBuilder();
        for (int i = group.length - 1; i >= 0; i--) {
            host.append(group[i]).append(i > 0 ? "." : "");
        }
        return host + "/" + project().getArtifactId();
    }

    @Override
    public String getCacheId() {
        return moduleDirectory() + "|" + allowReplaceOutsideModule;
    }

    @Override
    public String toString() {
        return "RequireModules[allowReplaceOutsideModule=" + allowReplaceOutsideModule + "]";
    }
}
