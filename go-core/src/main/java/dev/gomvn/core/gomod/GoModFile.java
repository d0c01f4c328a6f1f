package dev.gomvn.core.gomod;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A go.mod file as the go command reads it (golang.org/x/mod/modfile): directives in single-line or
 * block form, {@code //} comments, quoted strings. Read only: nothing here ever writes go.mod.
 */
public final class GoModFile {
    private static final Set<String> KNOWN = Set.of(
            "module", "go", "toolchain", "godebug", "require", "replace", "exclude", "retract", "tool", "ignore");
    private static final String FIX = "fix the line (go mod edit -fmt shows the expected form)";

    private String modulePath;
    private GoVersion goVersion;
    private String toolchain;
    private final List<String> godebug = new ArrayList<>();
    private final List<Requirement> requires = new ArrayList<>();
    private final List<Replacement> replaces = new ArrayList<>();
    private final List<ModuleVersionRef> excludes = new ArrayList<>();
    private final List<Retraction> retracts = new ArrayList<>();

    private GoModFile() {}

    public static GoModFile parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public static GoModFile parse(String content, String fileName) {
        GoModFile mod = new GoModFile();
        String[] lines = content.split("\r?\n", -1);
        String block = null;
        int blockStart = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String comment = comment(lines[i]);
            List<String> tokens = GoModTokens.split(lines[i], fileName, lineNumber);
            if (tokens.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (tokens.equals(List.of(")"))) {
                    block = null;
                    continue;
                }
                mod.directive(block, tokens, comment, fileName, lineNumber);
                continue;
            }
            String verb = tokens.get(0);
            if (!KNOWN.contains(verb)) {
                throw new GoModParseException(fileName, lineNumber, "unknown directive: " + verb, FIX);
            }
            if (tokens.size() == 2 && tokens.get(1).equals("(")) {
                block = verb;
                blockStart = lineNumber;
                continue;
            }
            mod.directive(verb, tokens.subList(1, tokens.size()), comment, fileName, lineNumber);
        }
        if (block != null) {
            throw new GoModParseException(
                    fileName, blockStart, "the " + block + " block is never closed with ')'", FIX);
        }
        return mod;
    }

    private static String comment(String line) {
        int index = GoModTokens.commentStart(line);
        return index < 0 ? "" : line.substring(index + 2).strip();
    }

    private void directive(String verb, List<String> args, String comment, String file, int line) {
        switch (verb) {
            case "module":
                expect(args, 1, verb, "module <path>", file, line);
                modulePath = args.get(0);
                break;
            case "go":
                expect(args, 1, verb, "go 1.22", file, line);
                goVersion = version(args.get(0), file, line, "go 1.22.0");
                break;
            case "toolchain":
                expect(args, 1, verb, "toolchain go1.22.5", file, line);
                if (!args.get(0).startsWith("go") && !args.get(0).equals("default")) {
                    throw new GoModParseException(
                            file, line, "invalid toolchain '" + args.get(0) + "'", "write it as toolchain go1.22.5");
                }
                toolchain = args.get(0);
                if (!toolchain.equals("default")) {
                    version(toolchain, file, line, "toolchain go1.22.5");
                }
                break;
            case "godebug":
                expect(args, 1, verb, "godebug key=value", file, line);
                godebug.add(args.get(0));
                break;
            case "require":
                expect(args, 2, verb, "require example.com/m v1.2.3", file, line);
                requires.add(new Requirement(
                        args.get(0), args.get(1), comment.equals("indirect") || comment.startsWith("indirect;"), line));
                break;
            case "exclude":
                expect(args, 2, verb, "exclude example.com/m v1.2.3", file, line);
                excludes.add(new ModuleVersionRef(args.get(0), args.get(1)));
                break;
            case "replace":
                replaces.add(replacement(args, file, line));
                break;
            case "retract":
                retracts.add(retraction(args, comment, file, line));
                break;
            case "tool":
            case "ignore":
                expect(args, 1, verb, verb + " <path>", file, line);
                break;
            default:
                throw new GoModParseException(file, line, "unknown directive: " + verb, FIX);
        }
    }

    private static void expect(List<String> args, int count, String verb, String form, String file, int line) {
        if (args.size() != count) {
            throw new GoModParseException(file, line, "usage: " + form, FIX);
        }
    }

    private static GoVersion version(String text, String file, int line, String form) {
        try {
            return GoVersion.parse(text, "go.mod");
        } catch (GoCoreException e) {
            throw new GoModParseException(file, line, "invalid Go version '" + text + "'", "write it as " + form);
        }
    }

    static Replacement replacement(List<String> args, String file, int line) {
        int arrow = args.indexOf("=>");
        if (arrow < 1 || arrow > 2 || args.size() - arrow - 1 < 1 || args.size() - arrow - 1 > 2) {
            throw new GoModParseException(
                    file, line, "usage: replace module/path [v1.2.3] => other/module v1.4.5 | ../local/dir", FIX);
        }
        String oldVersion = arrow == 2 ? args.get(1) : null;
        String newPath = args.get(arrow + 1);
        String newVersion = args.size() - arrow - 1 == 2 ? args.get(arrow + 2) : null;
        Replacement replacement = new Replacement(args.get(0), oldVersion, newPath, newVersion, line);
        if (newVersion == null && !replacement.isLocalDirectory()) {
            throw new GoModParseException(
                    file,
                    line,
                    "replacement module '" + newPath + "' needs a version",
                    "add one, or write a local directory as ./dir or ../dir");
        }
        return replacement;
    }

    private static Retraction retraction(List<String> args, String rationale, String file, int line) {
        if (args.size() == 1) {
            return new Retraction(args.get(0), args.get(0), rationale);
        }
        String joined = String.join(" ", args);
        if (joined.startsWith("[") && joined.endsWith("]") && joined.contains(",")) {
            String[] bounds = joined.substring(1, joined.length() - 1).split(",");
            if (bounds.length == 2) {
                return new Retraction(bounds[0].strip(), bounds[1].strip(), rationale);
            }
        }
        throw new GoModParseException(file, line, "usage: retract v1.2.3 or retract [v1.0.0, v1.2.3]", FIX);
    }

    public Optional<String> modulePath() {
        return Optional.ofNullable(modulePath);
    }

    /** The {@code go} line: the language version, and the minimum Go that may build this module. */
    public Optional<GoVersion> goVersion() {
        return Optional.ofNullable(goVersion);
    }

    /** The {@code toolchain} line as written, e.g. {@code go1.22.5}. */
    public Optional<String> toolchain() {
        return Optional.ofNullable(toolchain).filter(t -> !t.equals("default"));
    }

    public List<String> godebug() {
        return List.copyOf(godebug);
    }

    public List<Requirement> requires() {
        return List.copyOf(requires);
    }

    public List<Replacement> replaces() {
        return List.copyOf(replaces);
    }

    public List<ModuleVersionRef> excludes() {
        return List.copyOf(excludes);
    }

    public List<Retraction> retracts() {
        return List.copyOf(retracts);
    }

    /** A {@code require} line; {@code line} is its line number in go.mod. */
    public record Requirement(String path, String version, boolean indirect, int line) {}

    /** A module path at a version, as in {@code exclude}. */
    public record ModuleVersionRef(String path, String version) {}

    /** A {@code retract} of one version ({@code low == high}) or an interval, with its rationale comment. */
    public record Retraction(String low, String high, String rationale) {}

    /** A {@code replace} line; {@code oldVersion} and {@code newVersion} may be null. */
    public record Replacement(String oldPath, String oldVersion, String newPath, String newVersion, int line) {
        /** Replaced by a directory rather than a module: {@code ./x}, {@code ../x}, {@code /x}, {@code C:\x}. */
        public boolean isLocalDirectory() {
            return newPath.startsWith("./")
                    || newPath.startsWith("../")
                    || newPath.startsWith("/")
                    || newPath.equals(".")
                    || newPath.equals("..")
                    || newPath.startsWith(".\\")
                    || newPath.startsWith("..\\")
                    || newPath.matches("[A-Za-z]:[\\\\/].*");
        }
    }
}
