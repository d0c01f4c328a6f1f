package dev.gomvn.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's matching of GOPRIVATE, GONOSUMDB, GONOPROXY and GOINSECURE (golang.org/x/mod/module
 * MatchPrefixPatterns): comma-separated globs, each matched with path.Match against as many leading
 * path elements of the module path as the glob has, so {@code corp.example.com} covers
 * {@code corp.example.com/team/lib} and {@code *.corp.com/x} covers {@code git.corp.com/x/y}.
 */
public final class ModulePathPatterns {
    private static final Pattern NEVER = Pattern.compile("(?!)");

    private final List<String> globs;
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();

    private ModulePathPatterns(List<String> globs) {
        this.globs = List.copyOf(globs);
        for (String glob : globs) {
            try {
                patterns.add(toRegex(glob));
            } catch (PatternSyntaxException e) {
                // Go's path.Match returns ErrBadPattern, which its prefix matching takes as "no match".
                malformed.add(glob);
                patterns.add(NEVER);
            }
        }
    }

    public static ModulePathPatterns parse(String commaSeparated) {
        List<String> globs = new ArrayList<>();
        for (String glob : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            String trimmed = glob.strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (!trimmed.isEmpty()) {
                globs.add(trimmed);
            }
        }
        return new ModulePathPatterns(globs);
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    public List<String> globs() {
        return globs;
    }

    /** Globs path.Match rejects (an unclosed or empty {@code [ ]} class): like Go, they match nothing. */
    public List<String> malformed() {
        return List.copyOf(malformed);
    }

    public boolean matches(String modulePath) {
        return matchingGlob(modulePath) != null;
    }

    /** The first glob that matches, or null. */
    public String matchingGlob(String modulePath) {
        for (int i = 0; i < globs.size(); i++) {
            String prefix = leadingElements(modulePath, count(globs.get(i), '/') + 1);
            if (prefix != null && patterns.get(i).matcher(prefix).matches()) {
                return globs.get(i);
            }
        }
        return null;
    }

    private static String leadingElements(String path, int elements) {
        int seen = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && ++seen == elements) {
                return path.substring(0, i);
            }
        }
        return seen + 1 >= elements ? path : null;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    /** path.Match syntax: {@code *} and {@code ?} never cross a slash; {@code [..]} classes; {@code \} escapes. */
    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    throw new PatternSyntaxException("unclosed class", glob, i);
                } else {
                    String body = glob.substring(i + 1, end);
                    regex.append('[')
                            .append(
                                    body.startsWith("^")
                                            ? "^/" + body.substring(1).replace("\\", "\\\\")
                                            : body.replace("\\", "\\\\"))
                            .append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return String.join(",", globs);
    }
}
