package dev.gomvn.enforcer;

import dev.gomvn.core.modules.BuildList;
import dev.gomvn.core.modules.GoSumProblemException;
import dev.gomvn.core.modules.ModuleVersionGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Module families must move in lockstep: every module of a {@code <group>} that the build or its tests
 * link has the same version. Without {@code <groups>} the group is {@value ModuleVersionGroups#KUBERNETES},
 * the k8s.io modules released together with Kubernetes. Only linked modules count (the packages of
 * {@code go list -deps -test ./...} for the platform go runs on, or GOOS/GOARCH of the plugin's
 * {@code <environment>}): a module that is merely in the module graph links no code and cannot clash.
 */
@Named("requireConsistentModuleVersions")
public final class RequireConsistentModuleVersions extends AbstractGoRule {

    /**
     * Each group: module paths or patterns ({@code k8s.io/*}, {@code !k8s.io/klog*} excludes,
     * {@code @kubernetes} for the Kubernetes release modules), comma separated. Replaces the default.
     */
    private List<Group> groups = new ArrayList<>();

    @Inject
    public RequireConsistentModuleVersions(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        if (!Files.isRegularFile(directory.resolve("go.mod"))) {
            getLog().debug("requireConsistentModuleVersions: " + directory
                    + " has no go.mod, so no module versions to compare; nothing to check.");
            return null;
        }
        ModuleVersionGroups configured = groups.isEmpty()
                ? ModuleVersionGroups.kubernetesRelease()
                : ModuleVersionGroups.parse(groups.stream().map(Group::modules).toList());
        BuildList linked;
        try {
            linked = BuildList.linked(toolchain(directory), directory, goEnvironment(), offline(), goLog());
        } catch (GoSumProblemException e) {
            throw new RuleViolation("Cannot judge until go.sum is complete and correct: " + e.getMessage());
        }
        ModuleVersionGroups.Comparison comparison = configured.compare(linked);
        String defaultGroup = groups.isEmpty()
                ? " (no <groups> configured: the default group " + ModuleVersionGroups.KUBERNETES
                        + " holds the k8s.io modules released together with Kubernetes)"
                : "";
        if (!comparison.consistent()) {
            throw new RuleViolation("Modules that must share one version differ among the modules linked by "
                    + directory + defaultGroup + ":" + System.lineSeparator()
                    + String.join(System.lineSeparator(), comparison.inconsistencies()) + System.lineSeparator()
                    + comparison
                            .alignCommand()
                            .map(command -> "Fix: align each group on the newest version it links: " + command
                                    + ", then 'go mod tidy', and commit go.mod and go.sum.")
                            .orElse(
                                    "Fix: change the group as the note below says: no go get can give all of its modules one version.")
                    + comparison.warnings().stream()
                            .map(warning -> System.lineSeparator() + "Note: " + warning)
                            .collect(Collectors.joining()));
        }
        comparison
                .warnings()
                .forEach(warning -> getLog().warn("requireConsistentModuleVersions in " + directory + ": " + warning));
        String summary = String.join("; ", comparison.summaries()) + defaultGroup;
        if (!comparison.comparedAnything()) {
            // Not "passed": a rule that compared nothing must not look like one that checked something.
            getLog().info("requireConsistentModuleVersions compared nothing in " + directory + ": " + summary);
            return null;
        }
        return summary;
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
