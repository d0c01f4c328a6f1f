package dev.gomvn.core.compare;

import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.GoBuildInfo.Module;
import dev.gomvn.core.binary.LinkerVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What two builds of one binary did differently, from what each binary records of its build: the Go version, the main
 * module, each dependency's version, sum and replacement, every build setting ({@code -tags}, {@code CGO_ENABLED},
 * {@code GOAMD64}, {@code -trimpath}, {@code -ldflags} when recorded) and the {@code -X} linker variables. Each
 * difference is one line that reads "what, here, published", e.g. {@code example.com/lib v1.2.0 here, v1.3.0 published}.
 */
public final class BuildInfoDiff {
    private BuildInfoDiff() {}

    /** One build as its binary tells it. */
    public record Build(GoBuildInfo info, LinkerVariables linkerVariables) {}

    /** The differences, most telling first; empty when both binaries record the same build. */
    public static List<String> between(Build here, Build published) {
        List<String> lines = new ArrayList<>();
        GoBuildInfo a = here.info();
        GoBuildInfo b = published.info();
        pair("Go version", a.goVersion(), b.goVersion(), lines);
        pair("main package", a.path(), b.path(), lines);
        modules(
                "main module ",
                named(a.mainModule().stream().toList()),
                named(b.mainModule().stream().toList()),
                lines);
        modules("", named(a.dependencies()), named(b.dependencies()), lines);
        settings(a.settings(), b.settings(), lines);
        linkerVariables(here.linkerVariables(), published.linkerVariables(), lines);
        return List.copyOf(lines);
    }

    private static void pair(String what, String here, String published, List<String> lines) {
        if (!here.equals(published)) {
            lines.add(what + " " + shown(here) + " here, " + shown(published) + " published");
        }
    }

    private static Map<String, Module> named(List<Module> modules) {
        Map<String, Module> byPath = new LinkedHashMap<>();
        modules.forEach(module -> byPath.put(module.path(), module));
        return byPath;
    }

    private static void modules(
            String prefix, Map<String, Module> here, Map<String, Module> published, List<String> lines) {
        for (String path : new TreeSet<>(union(here, published))) {
            Module a = here.get(path);
            Module b = published.get(path);
            if (a == null || b == null) {
                lines.add(prefix + path + " "
                        + (a == null
                                ? "not linked in here, " + describe(b) + " published"
                                : describe(a) + " here, not linked into the published binary"));
            } else if (!describe(a).equals(describe(b))) {
                lines.add(prefix + path + " " + describe(a) + " here, " + describe(b) + " published");
            } else if (!a.linked().sum().equals(b.linked().sum())) {
                // Same version, other content: a retagged version, or a module cache that was edited.
                lines.add(prefix + path + " " + describe(a) + " with sum "
                        + shown(a.linked().sum()) + " here, " + shown(b.linked().sum())
                        + " published (same version, other content)");
            }
        }
    }

    /** {@code v1.2.0}, or {@code v1.2.0 => ../lib (devel)} when a replace directive put other code in its place. */
    private static String describe(Module module) {
        return module.version()
                + module.replacement()
                        .map(replacement -> " => " + replacement.path() + " " + replacement.version())
                        .orElse("");
    }

    private static void settings(Map<String, String> here, Map<String, String> published, List<String> lines) {
        for (String key : new TreeSet<>(union(here, published))) {
            String a = here.get(key);
            String b = published.get(key);
            if (!Objects.equals(a, b)) {
                lines.add("build setting " + setting(key, a) + " here, " + setting(key, b) + " published");
            }
        }
    }

    private static String setting(String key, String value) {
        return value == null ? key + " not set" : key + "=" + shown(value);
    }

    private static void linkerVariables(LinkerVariables here, LinkerVariables published, List<String> lines) {
        Map<String, String> a = new TreeMap<>(here.values());
        Map<String, String> b = new TreeMap<>(published.values());
        for (String name : new TreeSet<>(union(a, b))) {
            String valueHere = a.get(name);
            String valuePublished = b.get(name);
            if (!Objects.equals(valueHere, valuePublished)) {
                lines.add("linker variable (-X) " + variable(name, valueHere, here) + " here, "
                        + variable(name, valuePublished, published) + " published");
            }
        }
    }

    /** What could not be compared, so that no difference found is not mistaken for none there. */
    public static List<String> unread(Build here, Build published) {
        List<String> lines = new ArrayList<>();
        if (!here.linkerVariables().readable()) {
            lines.add("-X values not read from the binary built here: "
                    + here.linkerVariables().unreadableBecause());
        }
        if (!published.linkerVariables().readable()) {
            lines.add("-X values not read from the published binary: "
                    + published.linkerVariables().unreadableBecause());
        }
        return List.copyOf(lines);
    }

    private static String variable(String name, String value, LinkerVariables side) {
        if (value == null) {
            return name + " not set";
        }
        return side.readable() ? name + "=" + shown(value) : name + " " + value;
    }

    private static <V> Set<String> union(Map<String, V> a, Map<String, V> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** Quoted when it is empty or has spaces, so that a value stands apart from the words around it. */
    private static String shown(String value) {
        return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? '"' + value + '"' : value;
    }
}
