package dev.gomvn.core.binary;

import java.util.List;
import java.util.Optional;

/**
 * The highest version of a versioned library (glibc's {@code GLIBC_}, libstdc++'s {@code GLIBCXX_}) an
 * ELF binary asks for, and the symbols that ask for it: what decides the oldest system it runs on.
 *
 * @param library  the version prefix, {@code GLIBC} or {@code GLIBCXX}
 * @param version  the version after the prefix, e.g. {@code 2.34} or {@code 3.4.30}
 * @param symbols  the undefined dynamic symbols bound to that version, in the file's symbol table order;
 *                 empty when the file has no section headers to find them by
 */
public record VersionNeed(String library, String version, List<String> symbols) {
    public VersionNeed {
        symbols = List.copyOf(symbols);
    }

    /** As readelf and the loader's error spell it, e.g. {@code GLIBC_2.34}. */
    public String tag() {
        return library + "_" + version;
    }

    /** The first symbol that needs this version, e.g. {@code pthread_create}. */
    public Optional<String> symbol() {
        return symbols.stream().findFirst();
    }

    public DottedVersion dotted() {
        return DottedVersion.parse(version).orElseThrow();
    }
}
