package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file name of each package's binary: the last element of its path, or the artifactId for
 * {@code .} and for a directory named {@code cmd} (the Go convention for "the main package lives here",
 * as in kubebuilder's {@code ./cmd/main.go}, not a program name). A major-version element
 * ({@code ./tool/v2}) is skipped. Overrides are keyed by that default name, by the package path, or by
 * the path's last element.
 */
final class BinaryNames {
    private BinaryNames() {}

    static Map<String, String> of(List<String> packages, Map<String, String> overrides, String defaultName) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> packageByName = new LinkedHashMap<>();
        for (String pkg : packages) {
            if (pkg.contains("...")) {
                throw new ConfigurationException(
                        "go.packages",
                        "<packages> (go.packages) contains the pattern '" + pkg
                                + "', but each binary needs one main package; list them one by one, e.g. ./cmd/server,./cmd/cli.");
            }
            String defaultForPackage = defaultNameOf(pkg, defaultName);
            String name = overrides.getOrDefault(
                    pkg,
                    overrides.getOrDefault(
                            defaultForPackage, overrides.getOrDefault(lastElement(pkg), defaultForPackage)));
            String previous = packageByName.put(name, pkg);
            if (previous != null) {
                throw new ConfigurationException(
                        "go.packages",
                        "Packages " + previous + " and " + pkg + " would both be built as '" + name
                                + "'; give one another name in <binaryNames>.");
            }
            names.put(pkg, name);
        }
        return names;
    }

    private static String defaultNameOf(String pkg, String defaultName) {
        String trimmed = trimmed(pkg);
        String name = lastElement(trimmed);
        // A module path's major-version suffix (example.com/tool/v2) is not the name users expect.
        if (name.matches("v[0-9]+") && trimmed.contains("/")) {
            name = lastElement(trimmed.substring(0, trimmed.lastIndexOf('/')));
        }
        return name.isEmpty() || name.equals(".") || name.equals("cmd") ? defaultName : name;
    }

    private static String lastElement(String pkg) {
        String trimmed = trimmed(pkg);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String trimmed(String pkg) {
        String trimmed = pkg.replace('\\', '/');
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
