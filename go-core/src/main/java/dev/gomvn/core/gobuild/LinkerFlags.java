package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code -ldflags} value: the user's own flags, then one {@code -X name=value} per linker variable. */
final class LinkerFlags {
    /**
     * What the Go linker accepts after {@code -X}: an import path (which may hold dots and slashes,
     * {@code sigs.k8s.io/kind/pkg/cmd/kind/version}, or is {@code main}), a dot, and a Go identifier.
     */
    private static final Pattern VARIABLE_NAME =
            Pattern.compile("[^\\s=\"'`]*[^\\s=\"'`./]\\.[\\p{L}_][\\p{L}\\p{Nd}_]*");

    private LinkerFlags() {}

    static String of(String ldflags, Map<String, String> linkerVariables) {
        List<String> parts = new ArrayList<>();
        if (!ldflags.isBlank()) {
            parts.add(ldflags.strip());
        }
        linkerVariables.forEach((name, value) -> {
            parts.add("-X");
            parts.add(GoQuoting.quote(name + "=" + (value == null ? "" : value), "<linkerVariables> entry " + name));
        });
        return String.join(" ", parts);
    }

    /** Refuses a name the linker would reject only after a full compile, or would silently ignore. */
    static void requireVariableName(String name) {
        if (name == null || !VARIABLE_NAME.matcher(name).matches()) {
            throw new ConfigurationException(
                    "linkerVariables",
                    "<linkerVariables> entry '" + name + "' is not a variable name the linker accepts: write"
                            + " importpath.name without spaces, quotes or '=', e.g. main.version or"
                            + " example.com/op/internal/version.gitCommit (names with '/' go in"
                            + " <linkerVariable><name>...</name><value>...</value></linkerVariable>).");
        }
    }
}
