package dev.gomvn.core.gomod;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A go.work file, read-only: the module directories it {@code use}s and its {@code replace}s, which
 * a build in any of those modules reads as much as its own go.mod.
 */
public final class GoWorkFile {
    private static final Set<String> KNOWN = Set.of("go", "toolchain", "godebug", "use", "replace");
    private static final String FIX = "fix the line (go work edit -fmt shows the expected form)";

    private final Path file;
    private final List<String> uses = new ArrayList<>();
    private final List<GoModFile.Replacement> replaces = new ArrayList<>();

    private GoWorkFile(Path file) {
        this.file = file;
    }

    public static GoWorkFile parse(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
        GoWorkFile work = new GoWorkFile(file);
        String name = file.toString();
        String[] lines = content.split("\r?\n", -1);
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
                    work.directive(block, tokens, name, i + 1);
                }
                continue;
            }
            if (!KNOWN.contains(tokens.get(0))) {
                throw new GoModParseException(name, i + 1, "unknown directive: " + tokens.get(0), FIX);
            }
            if (tokens.size() == 2 && tokens.get(1).equals("(")) {
                block = tokens.get(0);
            } else {
                work.directive(tokens.get(0), tokens.subList(1, tokens.size()), name, i + 1);
            }
        }
        return work;
    }

    private void directive(String verb, List<String> args, String name, int line) {
        if (verb.equals("use")) {
            if (args.size() != 1) {
                throw new GoModParseException(name, line, "usage: use ./module/dir", FIX);
            }
            uses.add(args.get(0));
        } else if (verb.equals("replace")) {
            replaces.add(GoModFile.replacement(args, name, line));
        }
    }

    public Path file() {
        return file;
    }

    /** The module directories of the workspace, resolved against the go.work file's directory. */
    public List<Path> useDirectories() {
        return uses.stream().map(this::resolve).toList();
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
}
