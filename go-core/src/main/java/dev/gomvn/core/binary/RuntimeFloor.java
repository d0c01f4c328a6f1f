package dev.gomvn.core.binary;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryHeader.Format;
import dev.gomvn.core.binary.RuntimeNeeds.Linkage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The oldest system a binary must still run on: at most this glibc, and optionally no dynamic linking at
 * all. A cgo build on a new distribution links against its new glibc and then fails on the older
 * servers it ships to with "version `GLIBC_2.34' not found"; this check fails the build instead.
 *
 * <p>A glibc floor only constrains glibc-linked binaries: musl, static, Mach-O and PE binaries pass it.
 * Static linkage is checked for ELF only, because macOS and Windows have no static executables (every
 * Mach-O loads libSystem, every PE imports kernel32.dll).
 *
 * @param glibc         the newest glibc the binary may need, e.g. {@code 2.28}
 * @param staticLinkage whether the binary must not be dynamically linked
 */
public record RuntimeFloor(Optional<String> glibc, boolean staticLinkage) {
    /** The configuration parameter the messages point at. */
    public static final String GLIBC_PARAMETER = "glibc";

    public RuntimeFloor {
        glibc.ifPresent(version -> {
            if (DottedVersion.parse(version).isEmpty()) {
                throw new ConfigurationException(
                        GLIBC_PARAMETER,
                        "<" + GLIBC_PARAMETER + ">" + version + "</" + GLIBC_PARAMETER
                                + "> is not a glibc version; write numbers and dots, e.g. 2.28.");
            }
        });
    }

    public static RuntimeFloor none() {
        return new RuntimeFloor(Optional.empty(), false);
    }

    /** Each way {@code needs} is beyond this floor, a sentence without the file name; empty if it is within. */
    public List<String> violations(RuntimeNeeds needs) {
        List<String> violations = new ArrayList<>();
        if (staticLinkage && needs.format() == Format.ELF && needs.linkage() == Linkage.DYNAMIC) {
            violations.add("is dynamically linked (" + loader(needs) + ") but a static binary was asked for."
                    + " Link it statically (the @musl target, or -extldflags=-static with a static libc) or"
                    + " do not ask for a static binary");
        }
        if (glibc.isPresent()) {
            DottedVersion floor = DottedVersion.parse(glibc.get()).orElseThrow();
            List<VersionNeed> beyond = needs.glibc().stream()
                    .filter(need -> need.dotted().compareTo(floor) > 0)
                    .toList();
            if (!beyond.isEmpty()) {
                violations.add(glibcViolation(beyond, glibc.get()));
            }
        }
        return violations;
    }

    /** @throws VerificationException naming the binary, what it needs and the fix, if it is beyond this floor */
    public void require(RuntimeNeeds needs) {
        List<String> violations = violations(needs);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (String violation : violations) {
                message.append(message.length() == 0 ? "" : " ")
                        .append(needs.file())
                        .append(' ')
                        .append(violation)
                        .append('.');
            }
            throw new VerificationException(message.toString());
        }
    }

    /**
     * {@code needs GLIBC_2.34 via __libc_start_main, GLIBC_2.25 via getrandom; floor is 2.17}: every version beyond the
     * floor, since the highest one's symbol (the C start-up code, on a new glibc) is rarely the one the user's code added.
     */
    private static String glibcViolation(List<VersionNeed> beyond, String floor) {
        List<String> versions = new ArrayList<>();
        List<String> alsoNeeding = new ArrayList<>();
        for (VersionNeed need : beyond) {
            versions.add(need.tag()
                    + need.symbol().map(symbol -> " via " + symbol).orElse(" (no section headers name the symbol)"));
            others(need).ifPresent(alsoNeeding::add);
        }
        return "needs " + String.join(", ", versions) + "; floor is " + floor
                + (alsoNeeding.isEmpty() ? "" : " (" + String.join("; ", alsoNeeding) + ")")
                + ". Raise the floor with <"
                + GLIBC_PARAMETER + ">" + beyond.get(0).version() + "</" + GLIBC_PARAMETER + ">, build against an"
                + " older glibc (an older build image or sysroot), or use the @musl target for a static binary";
    }

    /** The next few symbols of a version, so that one look tells which calls pull it in. */
    private static Optional<String> others(VersionNeed need) {
        List<String> symbols = need.symbols();
        if (symbols.size() <= 1) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", symbols.subList(1, Math.min(symbols.size(), 6)))
                + (symbols.size() > 6 ? " and " + (symbols.size() - 6) + " more" : "") + " need " + need.tag()
                + " too");
    }

    private static String loader(RuntimeNeeds needs) {
        List<String> parts = new ArrayList<>();
        needs.interpreter().ifPresent(path -> parts.add("interpreter " + path));
        if (!needs.libraries().isEmpty()) {
            parts.add("needs " + String.join(", ", needs.libraries()));
        }
        return String.join(", ", parts);
    }
}
