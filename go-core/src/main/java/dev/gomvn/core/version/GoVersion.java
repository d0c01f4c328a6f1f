package dev.gomvn.core.version;

import dev.gomvn.core.ConfigurationException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go version ordered by Go's own rules (src/internal/gover): {@code 1.21 < 1.21rc1 < 1.21rc2 <
 * 1.21.0 < 1.21.1}; alpha &lt; beta &lt; rc &lt; release; a version without patch such as {@code 1.21}
 * is the language version and sorts below every release of its line. Maven's ComparableVersion
 * gets these wrong, so nothing here uses it. Development builds ({@code devel go1.25-abc}) sort
 * above every release, as the go command treats them as newest.
 */
public final class GoVersion implements Comparable<GoVersion> {
    private static final Pattern FORM = Pattern.compile(
            "(0|[1-9][0-9]*)(?:\\.(0|[1-9][0-9]*))?(?:\\.(0|[1-9][0-9]*)|(alpha|beta|rc)(0|[1-9][0-9]*))?");
    private static final Pattern DEVEL = Pattern.compile("devel(?:\\s+go(\\S+?))?(?:-\\S*)?(?:\\s.*)?");
    private static final Pattern VERSION_LINE = Pattern.compile("go version (.+) (\\S+)/(\\S+)");

    private final long major;
    private final long minor;
    private final long patch;
    private final String kind;
    private final long pre;
    private final boolean devel;
    private final String suffix;
    /** Before Go 1.21 the first release of a line was printed without patch: go1.20 is 1.20.0. */
    private final boolean patchImplied;

    private GoVersion(
            long major,
            long minor,
            long patch,
            String kind,
            long pre,
            boolean devel,
            String suffix,
            boolean patchImplied) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.kind = kind;
        this.pre = pre;
        this.devel = devel;
        this.suffix = suffix;
        this.patchImplied = patchImplied;
    }

    /** Parses a version a user wrote for {@code go.version}; errors name that parameter. */
    public static GoVersion parse(String text) {
        return parse(text, "go.version");
    }

    /**
     * Parses {@code 1.22.5}, {@code go1.22.5}, {@code 1.23rc1}, {@code go1.18beta1}, {@code 1.20},
     * {@code devel go1.25-abcdef ...} and vendor suffixes ({@code go1.21.0-custom},
     * {@code go1.22.5 X:boringcrypto}), which are kept but do not take part in ordering.
     */
    public static GoVersion parse(String text, String parameterName) {
        String trimmed = text == null ? "" : text.strip();
        Matcher develMatcher = DEVEL.matcher(trimmed);
        if (develMatcher.matches()) {
            String base = develMatcher.group(1);
            if (base != null && FORM.matcher(base).matches()) {
                GoVersion parsed = parseRelease(base, trimmed, parameterName);
                return new GoVersion(
                        parsed.major,
                        parsed.minor,
                        parsed.patch,
                        parsed.kind,
                        parsed.pre,
                        true,
                        "",
                        parsed.patchImplied);
            }
            return new GoVersion(0, 0, -1, "", 0, true, "", false);
        }
        String withoutPrefix = trimmed.startsWith("go") ? trimmed.substring(2) : trimmed;
        int cut = indexOfSuffix(withoutPrefix);
        String core = cut < 0 ? withoutPrefix : withoutPrefix.substring(0, cut);
        GoVersion parsed = parseRelease(core, text, parameterName);
        return cut < 0
                ? parsed
                : new GoVersion(
                        parsed.major,
                        parsed.minor,
                        parsed.patch,
                        parsed.kind,
                        parsed.pre,
                        false,
                        withoutPrefix.substring(cut).strip(),
                        parsed.patchImplied);
    }

    private static GoVersion parseRelease(String core, String original, String parameterName) {
        Matcher m = FORM.matcher(core);
        if (!m.matches() || (m.group(2) == null && m.group(4) != null)) {
            throw new ConfigurationException(
                    parameterName,
                    describe(parameterName) + " '" + original
                            + "' is not a Go version; use a form like 1.22.5, 1.23rc1 or go1.21.0.");
        }
        long major = Long.parseLong(m.group(1));
        boolean minorGiven = m.group(2) != null;
        long minor = minorGiven ? Long.parseLong(m.group(2)) : 0;
        long patch = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
        String kind = m.group(4) == null ? "" : m.group(4);
        long pre = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        boolean oldLine = major == 0 || major == 1 && minor < 21;
        boolean patchImplied = patch < 0 && kind.isEmpty() && (oldLine || !minorGiven);
        return new GoVersion(major, minor, patchImplied ? 0 : patch, kind, pre, false, "", patchImplied);
    }

    private static String describe(String parameterName) {
        return parameterName.startsWith("go.")
                ? "<" + parameterName.substring(3) + "> (" + parameterName + ")"
                : parameterName;
    }

    private static int indexOfSuffix(String version) {
        int cut = -1;
        for (char separator : new char[] {'-', ' ', '+'}) {
            int index = version.indexOf(separator);
            if (index >= 0 && (cut < 0 || index < cut)) {
                cut = index;
            }
        }
        return cut;
    }

    /** Parses a whole {@code go version} line: {@code go version go1.22.5 linux/amd64}. */
    public static GoVersionOutput fromGoVersionOutput(String line) {
        Matcher m = VERSION_LINE.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            throw new ConfigurationException(
                    null,
                    "'" + line + "' is not what 'go version' prints (a line like 'go version go1.N.M goos/goarch').");
        }
        return new GoVersionOutput(parse(m.group(1), "go version output"), m.group(2), m.group(3));
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    /** The patch number (0 for go1.20 and older first releases), or -1 for {@code 1.21} and {@code 1.21rc1}. */
    public long patch() {
        return patch;
    }

    /** No alpha, beta or rc. */
    public boolean isRelease() {
        return kind.isEmpty() && !devel;
    }

    /** A release that go.dev marks stable: not a pre-release, not a development build. */
    public boolean isStable() {
        return isRelease() && patch >= 0;
    }

    /** {@code 1.21}, {@code 1.22}: a language version, lower than every release of its line (Go 1.21 and later). */
    public boolean isLanguageVersion() {
        return !devel && kind.isEmpty() && patch < 0 && usesPatchReleases();
    }

    public boolean isDevel() {
        return devel;
    }

    /** {@code 1.22} for {@code 1.22.5}, {@code 1.23rc1} or {@code 1.22}. */
    public String languageVersion() {
        return major + "." + minor;
    }

    /**
     * The oldest toolchain that can build a module whose go.mod says {@code go <this>}: from Go 1.21
     * on, {@code go 1.21} needs {@code go1.21.0}; before, the line's release itself.
     */
    public GoVersion minimumToolchain() {
        return isLanguageVersion() ? new GoVersion(major, minor, 0, "", 0, false, "", false) : this;
    }

    /** Go 1.21 and later name the first release 1.21.0; earlier lines had 1.20, 1.20.1 ... */
    private boolean usesPatchReleases() {
        return major > 1 || (major == 1 && minor >= 21);
    }

    /** As go.dev names files: {@code go1.22.5}. */
    public String withGoPrefix() {
        return "go" + this;
    }

    @Override
    public int compareTo(GoVersion other) {
        if (devel != other.devel) {
            return devel ? 1 : -1;
        }
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c == 0) {
            c = Integer.compare(kindRank(kind), kindRank(other.kind));
        }
        if (c == 0) {
            c = Long.compare(pre, other.pre);
        }
        return c;
    }

    private static int kindRank(String kind) {
        switch (kind) {
            case "alpha":
                return 1;
            case "beta":
                return 2;
            case "rc":
                return 3;
            default:
                return 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoVersion other && compareTo(other) == 0 && suffix.equals(other.suffix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, kind, pre, devel, suffix);
    }

    /** Canonical, without the {@code go} prefix or vendor suffix: {@code 1.22.5}, {@code 1.23rc1}, {@code devel}. */
    @Override
    public String toString() {
        if (devel && patch < 0 && major == 0) {
            return "devel";
        }
        String base = languageVersion()
                + (patch >= 0 && !patchImplied ? "." + patch : "")
                + (kind.isEmpty() ? "" : kind + pre);
        return devel ? "devel " + base : base;
    }
}
