package dev.gomvn.enforcer;

import dev.gomvn.core.modules.BuildList;
import dev.gomvn.core.modules.ModuleVersionGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Module families must move in lockstep: every module of a {@code <group>} present in the build list
 * has the same version (k8s.io/api, k8s.io/apimachinery and k8s.io/client-go, for operator authors).
 */
@Named("requireConsistentModuleVersions")
public final class RequireConsistentModuleVersions extends AbstractGoRule {

    /** Each group: module paths or patterns ({@code k8s.io/*}, {@code !k8s.io/klog*} excludes), comma separated. */
    private List<Group> groups = new ArrayList<>();

    @Inject
    public RequireConsistentModuleVersions(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        if (groups.isEmpty()) {
            getLog().debug("requireConsistentModuleVersions: no <groups> configured; nothing to compare.");
            return null;
        }
        if (!Files.isRegularFile(directory.resolve("go.mod"))) {
            getLog().debug("requireConsistentModuleVersions: " + directory
                    + " has no go.mod, so no build list to compare; nothing to check.");
            return null;
        }
        ModuleVersionGroups parsed =
                ModuleVersionGroups.parse(groups.stream().map(Group::modules).toList());
        BuildList buildList = BuildList.load(toolchain(directory), directory, goEnvironment(), offline());
        List<String> problems = parsed.inconsistencies(buildList);
        if (!problems.isEmpty()) {
            throw new RuleViolation(
                    "Modules that must share one version differ in " + directory + ":"
                            + System.lineSeparator() + String.join(System.lineSeparator(), problems)
                            + System.lineSeparator()
                            + "Fix: 'go get' the same version of each, e.g. go get k8s.io/api@v0.30.1 k8s.io/client-go@v0.30.1.");
        }
        return String.join("; ", parsed.agreements(buildList));
    }

    @Override
    public String getCacheId() {
        return moduleDirectory() + "|" + groups;
    }

    @Override
    public String toString() {
        return "RequireConsistentModuleVersions[groups=" + groups + "]";
    }

    /** {@code <group><modules>k8s.io/api,k8s.io/apimachinery</modules></group>}. */
    public static final class Group {
        private String modules;

        public String modules() {
            return modules == null ? "" : modules;
        }

        @Override
        public String toString() {
            return modules();
        }
    }
}
