package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The targets of one build, parsed, without duplicates, and checked against what the toolchain supports. */
public final class TargetList {
    private TargetList() {}

    /** Parses every entry; {@code host} and an explicit entry for the same platform count once. */
    public static List<BuildTarget> parse(List<String> specs, Platform host) {
        if (specs.isEmpty()) {
            return List.of(BuildTarget.parse("host", host));
        }
        Set<BuildTarget> targets = new LinkedHashSet<>();
        Map<String, BuildTarget> byClassifier = new HashMap<>();
        for (String spec : specs) {
            BuildTarget target = BuildTarget.parse(spec, host);
            BuildTarget same = byClassifier.putIfAbsent(target.classifier(), target);
            if (same != null && !same.equals(target)) {
                // linux/amd64 and linux/amd64@glibc2.17 would write one file twice.
                throw new ConfigurationException(
                        "go.targets",
                        "<targets> (go.targets) lists '" + same + "' and '" + target + "', which build the same binary"
                                + " (classifier " + target.classifier() + "); keep one.");
            }
            targets.add(target);
        }
        return List.copyOf(targets);
    }

    /**
     * The targets as go:build will build them with {@code toolchain}: parsed and checked against its
     * {@code go tool dist list}. The toolchain goal and the rules call this too, so that a typo fails in
     * validate, before a rule reports "passed" or anything compiles.
     */
    public static List<BuildTarget> resolve(List<String> specs, Toolchain toolchain, GoLog log) {
        List<BuildTarget> targets = parse(specs, toolchain.platform());
        validate(targets, DistList.of(toolchain, log), toolchain.version().toString());
        return targets;
    }

    /**
     * Fails, before anything builds, when a target is not in {@code go tool dist list} of the chosen
     * Go, naming the closest valid ones (a typo like linux/amd46 is the usual cause).
     */
    public static void validate(List<BuildTarget> targets, Set<String> supported, String goVersion) {
        List<String> unknown = new ArrayList<>();
        for (BuildTarget target : targets) {
            if (!supported.contains(target.platform())) {
                unknown.add("'" + target + "' (closest: " + closest(target.platform(), supported) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(
                    "go.targets",
                    "Unknown target" + (unknown.size() > 1 ? "s " : " ")
                            + String.join(", ", unknown) + " in <targets> (go.targets) for Go " + goVersion
                            + ". Run 'go tool dist list' for all valid targets.");
        }
    }

    static String closest(String target, Set<String> supported) {
        return supported.stream()
                .sorted(Comparator.comparingInt((String candidate) -> distance(target, candidate))
                        .thenComparing(c -> c))
                .limit(3)
                .collect(Collectors.joining(", "));
    }

    /** Levenshtein distance: the number of single-character edits between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
