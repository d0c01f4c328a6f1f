package dev.gomvn.core.modules;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.policy.ModulePathPatterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Module families that must move together (k8s.io/api, k8s.io/apimachinery, k8s.io/client-go): every
 * module of a group that is in the build list must have the same version. Members are module paths
 * or globs matched like GOPRIVATE patterns ({@code k8s.io/*}); a leading {@code !} excludes.
 */
public final class ModuleVersionGroups {
    private final List<Group> groups;

    private ModuleVersionGroups(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** Each string is one group: members separated by commas or white space. */
    public static ModuleVersionGroups parse(List<String> groupSpecs) {
        List<Group> groups = new ArrayList<>();
        for (String spec : groupSpecs) {
            List<String> includes = new ArrayList<>();
            List<String> excludes = new ArrayList<>();
            for (String member : spec.split("[,\\s]+")) {
                if (member.isBlank()) {
                    continue;
                }
                if (member.startsWith("!")) {
                    excludes.add(member.substring(1));
                } else {
                    includes.add(member);
                }
            }
            if (includes.isEmpty()) {
                throw new ConfigurationException(
                        "groups",
                        "<group> '" + spec.strip() + "' names no module; list module "
                                + "paths or patterns, e.g. <modules>k8s.io/api,k8s.io/apimachinery,k8s.io/client-go</modules>.");
            }
            groups.add(new Group(
                    spec.strip(),
                    ModulePathPatterns.parse(String.join(",", includes)),
                    ModulePathPatterns.parse(String.join(",", excludes))));
        }
        return new ModuleVersionGroups(groups);
    }

    /** One line per group whose members disagree, e.g. {@code k8s.io/api v0.30.1, k8s.io/client-go v0.29.4}. */
    public List<String> inconsistencies(BuildList buildList) {
        List<String> problems = new ArrayList<>();
        for (Group group : groups) {
            Map<String, String> members = members(group, buildList);
            Set<String> versions = new LinkedHashSet<>(members.values());
            if (versions.size() > 1) {
                List<String> listed = new ArrayList<>();
                members.forEach((path, version) -> listed.add(path + " " + version));
                problems.add("group [" + group.spec() + "]: " + String.join(", ", listed));
            }
        }
        return problems;
    }

    /**
     * What was compared, one phrase per group, for a build list without {@link #inconsistencies}: e.g.
     * {@code [k8s.io/*] share v0.30.1 (3 modules)}, {@code [github.com/google/*] has only
     * github.com/google/uuid v1.6.0} or {@code [golang.org/x/*] has no module in the build}.
     */
    public List<String> agreements(BuildList buildList) {
        List<String> phrases = new ArrayList<>();
        for (Group group : groups) {
            Map<String, String> members = members(group, buildList);
            Set<String> versions = new LinkedHashSet<>(members.values());
            String name = "[" + group.spec() + "]";
            if (members.isEmpty()) {
                phrases.add(name + " has no module in the build");
            } else if (members.size() == 1) {
                Map.Entry<String, String> only = members.entrySet().iterator().next();
                phrases.add(name + " has only " + only.getKey() + " " + only.getValue());
            } else if (versions.size() == 1) {
                phrases.add(name + " share " + versions.iterator().next() + " (" + members.size() + " modules)");
            } else {
                phrases.add(name + " disagree");
            }
        }
        return phrases;
    }

    private static Map<String, String> members(Group group, BuildList buildList) {
        Map<String, String> members = new LinkedHashMap<>();
        for (BuildList.ModuleVersion module : buildList.dependencies()) {
            if (group.includes().matches(module.path()) && !group.excludes().matches(module.path())) {
                members.put(module.path(), module.version());
            }
        }
        return members;
    }

    private record Group(String spec, ModulePathPatterns includes, ModulePathPatterns excludes) {}
}
