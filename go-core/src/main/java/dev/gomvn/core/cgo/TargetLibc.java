package dev.gomvn.core.cgo;

import dev.gomvn.core.ConfigurationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The C library a Linux cgo target links against, from a target's {@code @} suffix: none (glibc, with the build's
 * {@code <glibc>} floor), {@code @musl} (a static musl binary, for Alpine and scratch images) or {@code @glibc2.28}
 * (glibc, needing at most 2.28 at run time). Pure Go binaries link no C library, so the choice matters only with cgo.
 *
 * @param musl a static musl binary is asked for
 * @param glibcFloor the highest glibc version this target's binaries may need, e.g. {@code 2.28}; null for the
 *     build's floor
 */
public record TargetLibc(boolean musl, String glibcFloor) {
    public static final TargetLibc DEFAULT = new TargetLibc(false, null);

    /** glibc versions as their symbol versions spell them: GLIBC_2.17, GLIBC_2.28. */
    private static final Pattern GLIBC_VERSION = Pattern.compile("2\\.[0-9]{1,2}");

    private static final String SPELLINGS = "@musl, or @glibc followed by the oldest glibc it must run on (@glibc2.28)";

    /** Parses what follows a target's {@code @}: {@code musl}, {@code glibc} or {@code glibc2.28}. */
    public static TargetLibc parse(String suffix, String target, String goos) {
        if (!goos.equals("linux")) {
            throw new ConfigurationException(
                    "go.targets",
                    "<targets> (go.targets) entry '" + target + "' chooses a C library, but only linux targets have a"
                            + " choice (" + goos + " has one C library); remove '@" + suffix + "'.");
        }
        if (suffix.equals("musl")) {
            return new TargetLibc(true, null);
        }
        if (suffix.equals("glibc")) {
            return DEFAULT;
        }
        if (suffix.startsWith("glibc")) {
            return new TargetLibc(false, requireGlibcVersion(suffix.substring(5), "go.targets", target));
        }
        throw new ConfigurationException(
                "go.targets",
                "<targets> (go.targets) entry '" + target + "' has '@" + suffix + "'; write " + SPELLINGS + ".");
    }

    /**
     * A glibc version as floors are written, checked: {@code 2.17}, {@code 2.28}; the message names where it came
     * from.
     */
    public static String requireGlibcVersion(String version, String parameter, String where) {
        String text = version == null ? "" : version.strip();
        if (!GLIBC_VERSION.matcher(text).matches()) {
            String named = parameter.equals("go.targets")
                    ? "<targets> (go.targets) entry '" + where + "'"
                    : "<glibc> (" + parameter + ")";
            throw new ConfigurationException(
                    parameter,
                    named + " has glibc version '" + text + "'; write it as glibc's symbol versions do, e.g. 2.17"
                            + " (CentOS 7), 2.28 (Debian 10, RHEL 8) or 2.31 (Ubuntu 20.04).");
        }
        return text;
    }

    public Optional<String> floor() {
        return Optional.ofNullable(glibcFloor);
    }

    /** What follows the target's {@code @}, or empty for the default. */
    public Optional<String> suffix() {
        if (musl) {
            return Optional.of("musl");
        }
        return floor().map(floor -> "glibc" + floor);
    }
}
