package dev.gomvn.core.binary;

import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryHeader.Format;
import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an executable needs from the system it runs on, read from the file itself (no readelf, otool
 * or dumpbin): for ELF its linkage, interpreter, libraries and the highest glibc and libstdc++ versions
 * with the symbols that ask for them; for Mach-O its dylibs and minimum macOS; for PE its imported DLLs.
 * A cgo cross build can silently need a newer glibc than the machines it ships to; this says which.
 *
 * @param linkage     STATIC when the system loader is not involved (pure Go, {@code -static}, static-pie)
 * @param libc        {@code glibc}, {@code musl}, {@code bionic}, {@code none} (static), {@code libSystem},
 *                    {@code msvcrt}, {@code ucrt}, or {@code unknown}
 * @param interpreter the ELF program interpreter, e.g. {@code /lib64/ld-linux-x86-64.so.2}
 * @param libraries   in the file's order: ELF DT_NEEDED, Mach-O dylibs (weak ones too), PE DLLs
 * @param glibc       every {@code GLIBC_} version needed, highest first, each with the symbols needing it
 * @param glibcxx     the highest {@code GLIBCXX_} (libstdc++) version needed and the symbols needing it
 * @param minimumOs   Mach-O only: the oldest OS release it runs on
 */
public record RuntimeNeeds(
        Path file,
        Format format,
        Linkage linkage,
        String libc,
        Optional<String> interpreter,
        List<String> libraries,
        List<VersionNeed> glibc,
        Optional<VersionNeed> glibcxx,
        Optional<MinimumOs> minimumOs) {

    public enum Linkage {
        STATIC,
        DYNAMIC,
        /** Not read: a format (wasm, Plan 9, XCOFF) whose needs this reader does not know. */
        UNKNOWN;

        /** Lower case, as an SBOM property value. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param os {@code macOS}, {@code iOS}, ... as Apple spells the platform */
    public record MinimumOs(String os, String version) {
        @Override
        public String toString() {
            return os + " " + version;
        }
    }

    public RuntimeNeeds {
        libraries = List.copyOf(libraries);
    }

    /**
     * Reads only the headers and tables that matter (a few kilobytes of a many-megabyte binary).
     *
     * @throws VerificationException if the file is not an executable or its tables are truncated or corrupt
     */
    public static RuntimeNeeds read(Path binary) {
        Format format = BinaryInspector.inspect(binary).format();
        try (BinaryFile file = BinaryFile.open(binary)) {
            switch (format) {
                case ELF:
                    return ElfNeeds.read(file);
                case MACHO:
                    return MachONeeds.read(file);
                case PE:
                    return PeImports.read(file);
                default:
                    return notRead(binary, format);
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            // The readers check every offset they use; this keeps a check that was missed from
            // surfacing as a bare buffer exception instead of a statement about the file.
            throw new VerificationException(
                    binary + " is truncated or corrupt, so what it needs at run time cannot be read: " + e, e);
        }
    }

    static RuntimeNeeds notRead(Path binary, Format format) {
        return new RuntimeNeeds(
                binary,
                format,
                Linkage.UNKNOWN,
                "unknown",
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    /** False for the formats whose needs are not read (wasm, Plan 9, XCOFF). */
    public boolean isRead() {
        return linkage != Linkage.UNKNOWN;
    }

    /** The highest {@code GLIBC_} version needed and the symbols needing it. */
    public Optional<VersionNeed> highestGlibc() {
        return glibc.stream().findFirst();
    }

    /** The glibc version the binary needs at least, e.g. {@code 2.34}; empty unless it is glibc-linked. */
    public Optional<String> libcVersion() {
        return highestGlibc().map(VersionNeed::version);
    }

    /** One line for the build log, e.g. {@code glibc >= 2.34, libstdc++ >= 3.4.30} or {@code macOS >= 11.0}. */
    public String summary() {
        switch (format) {
            case ELF:
                return elfSummary();
            case MACHO:
                return minimumOs
                        .map(os -> os.os() + " >= " + os.version())
                        .orElse(libraries.isEmpty() ? "loads no libraries" : "loads " + String.join(", ", libraries));
            case PE:
                return peSummary();
            default:
                return "no run-time needs read";
        }
    }

    /**
     * {@code imports KERNEL32.dll, the UCRT (9 api-ms-win-crt DLLs)}: the Universal C Runtime's API sets are one library
     * to a reader (Windows 10 and later have it), not nine lines of a summary.
     */
    private String peSummary() {
        if (libraries.isEmpty()) {
            return "imports nothing";
        }
        List<String> named = new ArrayList<>();
        long ucrt = libraries.stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("api-ms-win-crt-"))
                .count();
        for (String library : libraries) {
            if (!library.toLowerCase(java.util.Locale.ROOT).startsWith("api-ms-win-crt-")) {
                named.add(library);
            }
        }
        if (ucrt > 0) {
            named.add("the UCRT (" + ucrt + " api-ms-win-crt DLL" + (ucrt == 1 ? ")" : "s)"));
        }
        return "imports " + String.join(", ", named);
    }

    private String elfSummary() {
        if (linkage == Linkage.STATIC) {
            return "static";
        }
        String libstdcxx =
                glibcxx.map(need -> ", libstdc++ >= " + need.version()).orElse("");
        if (!glibc.isEmpty()) {
            return "glibc >= " + glibc.get(0).version() + libstdcxx;
        }
        if (!libc.equals("unknown")) {
            return libc + " (dynamic)" + libstdcxx;
        }
        List<String> parts = new ArrayList<>();
        interpreter.ifPresent(path -> parts.add("interpreter " + path));
        if (!libraries.isEmpty()) {
            parts.add("needs " + String.join(", ", libraries));
        }
        return "dynamic (" + String.join(", ", parts) + ")";
    }
}
