package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file name of each package's binary: the last element of its path, or the artifactId for
 * {@code .}; overrides are keyed by that default name (or by the package path).
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
            String name = overrides.getOrDefault(pkg, overrides.getOrDefault(defaultForPackage, defaultForPackage));
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
        String trimmed = pkg.replace('\\', '/');
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals(".") || trimmed.isEmpty()) {
            return defaultName;
        }
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        // A module path's major-version suffix (example.com/tool/v2) is not the name users expect.
        if (last.matches("v[0-9]+") && trimmed.contains("/")) {
            String parent = trimmed.substring(0, trimmed.lastIndexOf('/'));
            return parent.substring(parent.lastIndexOf('/') + 1);
        }
        return last.equals(".") ? defaultName : last;
    }
}
