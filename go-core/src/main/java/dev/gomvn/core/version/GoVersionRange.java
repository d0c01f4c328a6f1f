package dev.gomvn.core.version;

import dev.gomvn.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of Go versions in Maven's range syntax, compared with Go's ordering: {@code [1.22,1.24)},
 * {@code (,1.23]}, {@code [1.21.0,1.21.9],[1.22.3,)}, {@code [1.22.5]} (exactly one). A bare
 * {@code 1.22} means "at least 1.22" (so 1.22rc1 and 1.22.0 qualify); {@code 1.22.x} means any
 * version of the 1.22 line.
 */
public final class GoVersionRange {
    private final String spec;
    private final List<Interval> intervals;

    private GoVersionRange(String spec, List<Interval> intervals) {
        this.spec = spec;
        this.intervals = List.copyOf(intervals);
    }

    public static GoVersionRange parse(String spec, String parameterName) {
        String text = spec == null ? "" : spec.strip();
        if (text.isEmpty()) {
            throw malformed(spec, parameterName, "it is empty");
        }
        if (!text.startsWith("[") && !text.startsWith("(")) {
            return new GoVersionRange(text, List.of(bare(text, parameterName)));
        }
        List<Interval> intervals = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            char open = text.charAt(position);
            if (open != '[' && open != '(') {
                throw malformed(text, parameterName, "expected '[' or '(' at position " + (position + 1));
            }
            int close = indexOfClose(text, position);
            if (close < 0) {
                throw malformed(text, parameterName, "a '" + open + "' is never closed");
            }
            intervals.add(interval(text.substring(position, close + 1), text, parameterName));
            position = close + 1;
            if (position < text.length()) {
                if (text.charAt(position) != ',') {
                    throw malformed(text, parameterName, "ranges must be separated by ','");
                }
                position++;
                while (position < text.length() && text.charAt(position) == ' ') {
                    position++;
                }
                if (position == text.length()) {
                    throw malformed(text, parameterName, "it ends with ','");
                }
            }
        }
        return new GoVersionRange(text, intervals);
    }

    private static int indexOfClose(String text, int from) {
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ']' || c == ')') {
                return i;
            }
            if (c == '[' || c == '(') {
                return -1;
            }
        }
        return -1;
    }

    private static Interval bare(String text, String parameterName) {
        if (text.endsWith(".x")) {
            GoVersion line = version(text.substring(0, text.length() - 2), text, parameterName);
            if (line.patch() >= 0 || !line.isRelease() || line.minor() < 0) {
                throw malformed(text, parameterName, "'.x' follows a release line such as 1.22");
            }
            GoVersion next = GoVersion.parse(line.major() + "." + (line.minor() + 1), parameterName);
            return new Interval(GoVersion.parse(line.languageVersion(), parameterName), true, next, false);
        }
        return new Interval(version(text, text, parameterName), true, null, false);
    }

    private static Interval interval(String part, String whole, String parameterName) {
        boolean lowerInclusive = part.charAt(0) == '[';
        boolean upperInclusive = part.charAt(part.length() - 1) == ']';
        String inner = part.substring(1, part.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0) {
            if (!lowerInclusive || !upperInclusive || inner.isBlank()) {
                throw malformed(whole, parameterName, "a single version must be written [1.22.5]");
            }
            GoVersion exact = version(inner.strip(), whole, parameterName);
            return new Interval(exact, true, exact, true);
        }
        String lowerText = inner.substring(0, comma).strip();
        String upperText = inner.substring(comma + 1).strip();
        GoVersion lower = lowerText.isEmpty() ? null : version(lowerText, whole, parameterName);
        GoVersion upper = upperText.isEmpty() ? null : version(upperText, whole, parameterName);
        if (lower == null && lowerInclusive || upper == null && upperInclusive) {
            throw malformed(whole, parameterName, "an open end needs '(' or ')'");
        }
        if (lower != null && upper != null) {
            int order = lower.compareTo(upper);
            if (order > 0 || order == 0 && !(lowerInclusive && upperInclusive)) {
                throw malformed(
                        whole, parameterName, "its lower bound " + lower + " is not below its upper bound " + upper);
            }
        }
        return new Interval(lower, lowerInclusive, upper, upperInclusive);
    }

    private static GoVersion version(String text, String whole, String parameterName) {
        try {
            return GoVersion.parse(text, parameterName);
        } catch (ConfigurationException e) {
            throw malformed(whole, parameterName, "'" + text + "' is not a Go version");
        }
    }

    private static ConfigurationException malformed(String spec, String parameterName, String reason) {
        String name = parameterName.startsWith("go.")
                ? "<" + parameterName.substring(3) + "> (" + parameterName + ")"
                : "<" + parameterName + ">";
        return new ConfigurationException(
                parameterName,
                name + " '" + spec + "' is not a valid Go version range: "
                        + reason
                        + ". Write a minimum (1.22), a release line (1.22.x), an exact version ([1.22.5]) or a range "
                        + "such as [1.22,1.24) or [1.21.0,1.21.9],[1.22.3,).");
    }

    public boolean contains(GoVersion version) {
        return intervals.stream().anyMatch(interval -> interval.contains(version));
    }

    /** The one version this range allows, when it is written {@code [1.22.5]}. */
    public Optional<GoVersion> exactVersion() {
        if (intervals.size() == 1) {
            Interval only = intervals.get(0);
            if (only.lower != null && only.lower == only.upper) {
                return Optional.of(only.lower);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return spec;
    }

    private record Interval(GoVersion lower, boolean lowerInclusive, GoVersion upper, boolean upperInclusive) {
        boolean contains(GoVersion version) {
            if (lower != null) {
                int c = version.compareTo(lower);
                if (c < 0 || c == 0 && !lowerInclusive) {
                    return false;
                }
            }
            if (upper != null) {
                int c = version.compareTo(upper);
                return c < 0 || c == 0 && upperInclusive;
            }
            return true;
        }
    }
}
