package dev.gomvn.core.gobuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code -ldflags} value: the user's own flags, then one {@code -X name=value} per linker variable. */
final class LinkerFlags {
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
}
