package dev.gomvn.core.provision.download;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.version.GoVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Go release that was asked for does not exist (for this platform): a source that would have it says so, as
 * opposed to a source that could not be reached. On its way up it learns where else it was looked for, which
 * releases do exist, and which setting asked for it, so the one message a user reads names all of them and the fix.
 */
public final class NoSuchGoReleaseException extends ConfigurationException {
    private static final int SUGGESTED_LINES = 3;

    private final String release;
    private final List<String> lookedAt = new ArrayList<>();
    private List<GoVersion> suggestions = List.of();
    private String listedBy;
    private String requester = "<version> (go.version)";
    private String fix = "set it to a released Go version";

    /**
     * @param version the version as go.dev names it, e.g. {@code go1.99.0}
     * @param lookedAt where it is missing and how that is known, e.g. {@code https://go.dev/dl/ lists no ...}
     */
    public NoSuchGoReleaseException(String version, Platform platform, String lookedAt, Throwable cause) {
        super("go.version", null, cause);
        this.release = version + " for " + platform;
        this.lookedAt.add(lookedAt);
    }

    /** Another source that was asked (or could not be), after the one that said the release does not exist. */
    public NoSuchGoReleaseException alsoLookedAt(String where) {
        lookedAt.add(where);
        return this;
    }

    /** The releases {@code source} offers for this platform, to suggest the newest of each recent line. */
    public NoSuchGoReleaseException releasesListedBy(String source, List<GoVersion> available) {
        this.listedBy = source;
        this.suggestions = newestOfRecentLines(available);
        return this;
    }

    /**
     * @param setting what asked for the release, e.g. {@code <version> (go.version) 1.99.0} or {@code the toolchain
     *     line of go.mod}
     * @param change what to do about it, e.g. {@code set it to a released Go version}
     */
    public NoSuchGoReleaseException requestedBy(String setting, String change) {
        this.requester = setting;
        this.fix = change;
        return this;
    }

    @Override
    public String getMessage() {
        String known = suggestions.isEmpty()
                ? " (https://go.dev/dl/ lists them)"
                : ", such as "
                        + joinedWithOr(suggestions.stream()
                                .map(GoVersion::withGoPrefix)
                                .toList())
                        + " (the newest of each release line that " + listedBy + " lists)";
        return release + " does not exist: " + String.join("; ", lookedAt) + ". " + requester + " asks for it: " + fix
                + known + ".";
    }

    static List<GoVersion> newestOfRecentLines(List<GoVersion> available) {
        Map<String, GoVersion> newestByLine = new TreeMap<>();
        available.stream()
                .filter(GoVersion::isStable)
                .forEach(version ->
                        newestByLine.merge(version.languageVersion(), version, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        return newestByLine.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(SUGGESTED_LINES)
                .collect(Collectors.toList());
    }

    private static String joinedWithOr(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
