package dev.gomvn.core.provision;

import java.util.Optional;

/**
 * Reads controller-tools' {@code envtest-releases.yaml}: under {@code releases:}, each version maps every archive
 * name to its {@code hash:} (a SHA-512, hex) and {@code selfLink:}. Only that shape is read, line by line, so the
 * rules and the plugin carry no YAML library for one field:
 *
 * <pre>
 * releases:
 *   v1.31.0:
 *     envtest-v1.31.0-linux-amd64.tar.gz:
 *       hash: 1b2c...
 *       selfLink: https://github.com/kubernetes-sigs/controller-tools/releases/download/envtest-v1.31.0/...
 * </pre>
 */
final class EnvtestReleases {
    private EnvtestReleases() {}

    /** The {@code hash:} listed for {@code archiveName}, if the file lists it with one. */
    static Optional<String> sha512Of(String yaml, String archiveName) {
        String[] lines = yaml.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!unquoted(lines[i].strip()).equals(archiveName + ":")) {
                continue;
            }
            int archiveIndent = indent(lines[i]);
            for (int j = i + 1; j < lines.length && (lines[j].isBlank() || indent(lines[j]) > archiveIndent); j++) {
                String entry = lines[j].strip();
                if (entry.startsWith("hash:")) {
                    return Optional.of(
                                    unquoted(entry.substring("hash:".length()).strip()))
                            .filter(hash -> !hash.isEmpty());
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int indent(String line) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    /** {@code "a":} or {@code 'a'} as YAML allows keys and values to be quoted. */
    private static String unquoted(String text) {
        return text.replace("\"", "").replace("'", "");
    }
}
