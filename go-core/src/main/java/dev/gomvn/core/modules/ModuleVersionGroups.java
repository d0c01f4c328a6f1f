package dev.gomvn.core.modules;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.policy.ModulePathPatterns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Module families that must move together: every module of a group that the build links must have the
 * same version. Members are module paths or globs matched like GOPRIVATE patterns ({@code k8s.io/*});
 * a leading {@code !} excludes; {@value #KUBERNETES} stands for the Kubernetes release modules.
 */
public final class ModuleVersionGroups {
    /** The group name that stands for {@link #KUBERNETES_RELEASE_MODULES}; the default group. */
    public static final String KUBERNETES = "@kubernetes";

    /**
     * The modules of kubernetes/kubernetes' {@code staging/src/k8s.io} directory (1.30 to 1.37, plus
     * legacy-cloud-providers of older releases): each Kubernetes release 1.X.Y tags all of them v0.X.Y,
     * and client-go of one release is built and tested against api and apimachinery of the same one.
     * Other k8s.io modules (klog, kube-openapi, utils, gengo, system-validators) and sigs.k8s.io
     * modules (structured-merge-diff, controller-runtime, json, yaml) have versions of their own.
     */
    static final List<String> KUBERNETES_RELEASE_MODULES = List.of(
            "k8s.io/api",
            "k8s.io/apiextensions-apiserver",
            "k8s.io/apimachinery",
            "k8s.io/apiserver",
            "k8s.io/cli-runtime",
            "k8s.io/client-go",
            "k8s.io/cloud-provider",
            "k8s.io/cluster-bootstrap",
            "k8s.io/code-generator",
            "k8s.io/component-base",
            "k8s.io/component-helpers",
            "k8s.io/controller-manager",
            "k8s.io/cri-api",
            "k8s.io/cri-client",
            "k8s.io/cri-streaming",
            "k8s.io/csi-translation-lib",
            "k8s.io/dynamic-resource-allocation",
            "k8s.io/endpointslice",
            "k8s.io/externaljwt",
            "k8s.io/kms",
            "k8s.io/kube-aggregator",
            "k8s.io/kube-controller-manager",
            "k8s.io/kube-proxy",
            "k8s.io/kube-scheduler",
            "k8s.io/kubectl",
            "k8s.io/kubelet",
            "k8s.io/legacy-cloud-providers",
            "k8s.io/metrics",
            "k8s.io/mount-utils",
            "k8s.io/pod-security-admission",
            "k8s.io/sample-apiserver",
            "k8s.io/sample-cli-plugin",
            "k8s.io/sample-controller",
            "k8s.io/streaming");

    private static final Set<String> KUBERNETES_RELEASE_SET = Set.copyOf(KUBERNETES_RELEASE_MODULES);

    private final List<Group> groups;

    private ModuleVersionGroups(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** What applies when no group is configured: {@value #KUBERNETES} alone. */
    public static ModuleVersionGroups kubernetesRelease() {
        return new ModuleVersionGroups(List.of(group(KUBERNETES, false)));
    }

    /**
     * Each string is one configured group: members separated by commas or white space.
     *
     * @throws ConfigurationException naming {@code <groups>} when a group names no module
     */
    public static ModuleVersionGroups parse(List<String> groupSpecs) {
        return new ModuleVersionGroups(
                groupSpecs.stream().map(spec -> group(spec, true)).toList());
    }

    private static Group group(String spec, boolean configured) {
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        boolean handWritten = false;
        for (String member : spec.split("[,\\s]+")) {
            boolean exclude = member.startsWith("!");
            String paths = exclude ? member.substring(1) : member;
            if (paths.isBlank()) {
                continue;
            }
            List<String> expanded = paths.equals(KUBERNETES) ? KUBERNETES_RELEASE_MODULES : List.of(paths);
            (exclude ? excludes : includes).addAll(expanded);
            handWritten |= !exclude && !paths.equals(KUBERNETES);
        }
        if (includes.isEmpty()) {
            throw new ConfigurationException(
                    "groups",
                    "<group> '" + spec.strip() + "' of requireConsistentModuleVersions names no module; list module "
                            + "paths or patterns, e.g. <modules>" + KUBERNETES
                            + "</modules> or <modules>k8s.io/api,k8s.io/apimachinery,k8s.io/client-go</modules>.");
        }
        ModulePathPatterns included = ModulePathPatterns.parse(String.join(",", includes));
        ModulePathPatterns excluded = ModulePathPatterns.parse(String.join(",", excludes));
        List<String> malformed = new ArrayList<>(included.malformed());
        malformed.addAll(excluded.malformed());
        if (!malformed.isEmpty()) {
            throw new ConfigurationException(
                    "groups",
                    "<group> '" + spec.strip() + "' of requireConsistentModuleVersions has the malformed pattern '"
                            + malformed.get(0) + "': a [ ] class must be closed and hold a character. Patterns are "
                            + "matched like GOPRIVATE's, with *, ? and [ ] classes, e.g. k8s.io/* or !k8s.io/klog*.");
        }
        return new Group(spec.strip(), configured, handWritten, included, excluded);
    }

    /** Each group's members among {@code linked} (the main module and workspace modules never count). */
    public Comparison compare(BuildList linked) {
        List<GroupMembers> results = new ArrayList<>();
        for (Group group : groups) {
            Map<String, String> members = new TreeMap<>();
            for (BuildList.ModuleVersion module : linked.dependencies()) {
                if (group.includes().matches(module.path()) && !group.excludes().matches(module.path())) {
                    members.put(module.path(), module.version());
                }
            }
            results.add(new GroupMembers(group, members));
        }
        return new Comparison(results);
    }

    /** The outcome for every group. */
    public record Comparison(List<GroupMembers> groups) {
        public boolean consistent() {
            return groups.stream().noneMatch(GroupMembers::disagree);
        }

        /** True when some group had two or more linked members to compare. */
        public boolean comparedAnything() {
            return groups.stream().anyMatch(g -> g.members().size() > 1);
        }

        /** One line per group whose members disagree, e.g. {@code group [k8s.io/*]: k8s.io/api v0.30.1, k8s.io/client-go v0.29.4}. */
        public List<String> inconsistencies() {
            return groups.stream()
                    .filter(GroupMembers::disagree)
                    .map(g -> "group " + g.name() + ": " + listed(g.members()))
                    .toList();
        }

        /**
         * The {@code go get} that aligns each disagreeing group on the newest version it links, e.g.
         * {@code go get k8s.io/api@v0.35.2}: never a downgrade. In a group that mixes Kubernetes release
         * modules with k8s.io modules of their own versions (see {@link #warnings}) only the release
         * modules are aligned, on their newest version. Empty when no go get can help.
         */
        public Optional<String> alignCommand() {
            Set<String> arguments = new LinkedHashSet<>();
            for (GroupMembers group : groups) {
                if (group.disagree()) {
                    Map<String, String> alignable = group.alignable();
                    String newest = newest(alignable);
                    alignable.forEach((path, version) -> {
                        if (!version.equals(newest)) {
                            arguments.add(path + "@" + newest);
                        }
                    });
                }
            }
            return arguments.isEmpty() ? Optional.empty() : Optional.of("go get " + String.join(" ", arguments));
        }

        /**
         * What was compared, one phrase per group: {@code [@kubernetes] share v0.35.2 (k8s.io/api,
         * k8s.io/client-go)}, {@code [x] links only m v1; nothing to compare} or {@code no module of
         * group [x] is linked; nothing to compare}.
         */
        public List<String> summaries() {
            List<String> phrases = new ArrayList<>();
            for (GroupMembers group : groups) {
                Map<String, String> members = group.members();
                if (members.isEmpty()) {
                    phrases.add("no module of group " + group.name() + " is linked; nothing to compare");
                } else if (members.size() == 1) {
                    Map.Entry<String, String> only =
                            members.entrySet().iterator().next();
                    phrases.add(group.name() + " links only " + only.getKey() + " " + only.getValue()
                            + "; nothing to compare");
                } else if (!group.disagree()) {
                    phrases.add(group.name() + " share " + newest(members) + " (" + String.join(", ", members.keySet())
                            + ")");
                } else {
                    phrases.add(group.name() + " disagree");
                }
            }
            return phrases;
        }

        /**
         * What a user should know about the groups they configured: one that links no module (a typo,
         * or a package path where a module path belongs), and one that mixes Kubernetes release modules
         * with k8s.io modules of their own versions, which can never agree.
         */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            for (GroupMembers group : groups) {
                if (!group.group().configured()) {
                    continue;
                }
                // A project without Kubernetes is no mistake; a hand-written group that links nothing may be one.
                if (group.members().isEmpty() && group.group().handWritten()) {
                    warnings.add(
                            "The group " + group.name() + " matches no module linked by the build or its tests, so "
                                    + "it compares nothing. Check its module paths (module paths such as k8s.io/client-go, "
                                    + "not package paths), or remove the group.");
                }
                List<String> ownVersions = group.ownVersions();
                if (group.holdsReleaseModule() && !ownVersions.isEmpty()) {
                    boolean one = ownVersions.size() == 1;
                    warnings.add("The group " + group.name() + " holds " + String.join(", ", ownVersions)
                            + (one ? ", which is" : ", which are") + " not released with Kubernetes and "
                            + (one
                                    ? "has a version of its own, so it never shares"
                                    : "have versions of their own, so they never share")
                            + " the version of k8s.io/api or k8s.io/client-go. Use " + KUBERNETES
                            + " (the default group: remove <groups>, or write <modules>" + KUBERNETES
                            + "</modules>) or exclude them, e.g. !"
                            + ownVersions.get(0) + ".");
                }
            }
            return warnings;
        }

        private static String listed(Map<String, String> members) {
            List<String> listed = new ArrayList<>();
            members.forEach((path, version) -> listed.add(path + " " + version));
            return String.join(", ", listed);
        }
    }

    /** One group and its linked members, module path to version, by path. */
    public record GroupMembers(Group group, Map<String, String> members) {
        /** How messages name the group: {@code [k8s.io/api, k8s.io/client-go]} as configured, or {@code [@kubernetes]}. */
        public String name() {
            return "[" + group.spec() + "]";
        }

        boolean disagree() {
            return new LinkedHashSet<>(members.values()).size() > 1;
        }

        boolean holdsReleaseModule() {
            return members.keySet().stream().anyMatch(KUBERNETES_RELEASE_SET::contains);
        }

        /** k8s.io modules outside the Kubernetes release: klog, kube-openapi, utils, gengo, ... */
        List<String> ownVersions() {
            return members.keySet().stream()
                    .filter(path -> path.startsWith("k8s.io/") && !KUBERNETES_RELEASE_SET.contains(path))
                    .toList();
        }

        /** The members a go get can align: without those of their own versions when release modules are there. */
        Map<String, String> alignable() {
            Map<String, String> alignable = new TreeMap<>(members);
            if (holdsReleaseModule()) {
                ownVersions().forEach(alignable::remove);
            }
            return alignable;
        }
    }

    /** The newest of the versions: what the others must move to, never down. */
    private static String newest(Map<String, String> members) {
        return members.values().stream().max(ModuleVersionOrder.INSTANCE).orElse("");
    }

    /**
     * @param configured  false for the default group
     * @param handWritten names a module or pattern of its own, not only {@value #KUBERNETES}: may hold a typo
     */
    record Group(
            String spec,
            boolean configured,
            boolean handWritten,
            ModulePathPatterns includes,
            ModulePathPatterns excludes) {}
}
