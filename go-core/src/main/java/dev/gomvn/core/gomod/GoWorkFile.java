package dev.gomvn.core.gomod;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A go.work file, read-only: the module directories it {@code use}s and its {@code replace}s, which
 * a build in any of those modules reads as much as its own go.mod.
 */
public final class GoWorkFile {
    private static final Set<String> KNOWN = Set.of("go", "toolchain", "godebug", "use", "replace");
    private static final String FIX = "fix the line (go work edit -fmt shows the expected form)";

    private final Path file;
    private final String[] lines;
    private final List<String> uses = new ArrayList<>();
    private final List<GoModFile.Replacement> replaces = new ArrayList<>();
    /** Lines naming a directory, by index, as they read with that directory made absolute. */
    private final Map<Integer, String> absoluteLines = new LinkedHashMap<>();

    private GoWorkFile(Path file, String[] lines) {
        this.file = file;
        this.lines = lines;
    }

    public static GoWorkFile parse(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
        String[] lines = content.split("\r?\n", -1);
        GoWorkFile work = new GoWorkFile(file, lines);
        String name = file.toString();
        String block = null;
        for (int i = 0; i < lines.length; i++) {
            List<String> tokens = GoModTokens.split(lines[i], name, i + 1);
            if (tokens.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (tokens.equals(List.of(")"))) {
                    block = null;
                } else {
                    work.directive(block, tokens, name, i + 1, true);
                }
                continue;
            }
            if (!KNOWN.contains(tokens.get(0))) {
                throw new GoModParseException(name, i + 1, "unknown directive: " + tokens.get(0), FIX);
            }
            if (tokens.size() == 2 && tokens.get(1).equals("(")) {
                block = tokens.get(0);
            } else {
                work.directive(tokens.get(0), tokens.subList(1, tokens.size()), name, i + 1, false);
            }
        }
        return work;
    }

    private void directive(String verb, List<String> args, String name, int line, boolean inBlock) {
        String prefix = inBlock ? "\t" : verb + " ";
        if (verb.equals("use")) {
            if (args.size() != 1) {
                throw new GoModParseException(name, line, "usage: use ./module/dir", FIX);
            }
            uses.add(args.get(0));
            absoluteLines.put(line - 1, prefix + quoted(resolve(args.get(0))));
        } else if (verb.equals("replace")) {
            GoModFile.Replacement replacement = GoModFile.replacement(args, name, line);
            replaces.add(replacement);
            if (replacement.isLocalDirectory()) {
                absoluteLines.put(
                        line - 1,
                        prefix + replacement.oldPath()
                                + (replacement.oldVersion() == null ? "" : " " + replacement.oldVersion())
                                + " => " + quoted(resolve(replacement.newPath())));
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The module directories of the workspace, resolved against the go.work file's directory. */
    public List<Path> useDirectories() {
        return uses.stream().map(this::resolve).toList();
    }

    /** The {@code replace} directives, with their line numbers in go.work. */
    public List<GoModFile.Replacement> replaces() {
        return List.copyOf(replaces);
    }

    /**
     * This go.work as text that means the same from any directory: every {@code use} and every
     * {@code replace} by a local directory names that directory by its absolute path; all other lines
     * ({@code go}, {@code toolchain}, {@code godebug}, comments) are kept as written.
     */
    public String withAbsolutePaths() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(absoluteLines.getOrDefault(i, lines[i]));
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** Directories that {@code replace} directives of the workspace point to. */
    public List<Path> localReplacements() {
        return replaces.stream()
                .filter(GoModFile.Replacement::isLocalDirectory)
                .map(r -> resolve(r.newPath()))
                .toList();
    }

    private Path resolve(String directory) {
        return file.toAbsolutePath().getParent().resolve(directory).normalize();
    }

    /** A Go interpreted string literal, as go.work accepts for paths with spaces or backslashes. */
    static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
