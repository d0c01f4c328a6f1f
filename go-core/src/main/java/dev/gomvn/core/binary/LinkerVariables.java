package dev.gomvn.core.binary;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The string variables a binary's link set with {@code -X name=value}. Go does not record {@code -ldflags} in the
 * build info of a {@code -trimpath} build (go.dev/issue/52372), so the values are read from the binary itself: the
 * linker puts each in a read-only symbol {@code <name>.str}, which {@code go tool nm} lists with its address and size.
 *
 * @param values            each variable's value, keyed by its name; empty when the binary has no symbol table
 * @param readable          whether {@code values} are the values: false when the binary was linked with {@code -s} (no
 *                          symbol table), or is not ELF, whose values are only found by name and size ({@code (5 bytes)})
 * @param unreadableBecause why they are not, for messages; empty when they are
 */
public record LinkerVariables(Map<String, String> values, boolean readable, String unreadableBecause) {
    private static final String SUFFIX = ".str";

    /**
     * @param environment what go runs with: since Go 1.25 {@code go tool nm} is built on first use, so it needs a build
     *     cache (HOME or GOCACHE)
     */
    public static LinkerVariables read(Path goRoot, Path binary, Map<String, String> environment, GoLog log) {
        GoProcessResult nm = GoCommand.of(goRoot, "tool", "nm", "-size", "-type", binary.toString())
                .environment(environment)
                .log(log)
                .timeout(Duration.ofMinutes(1))
                .captureStdout()
                .run();
        if (!nm.succeeded()) {
            boolean stripped = nm.tail().stream().anyMatch(line -> line.contains("no symbol"));
            return new LinkerVariables(
                    Map.of(),
                    false,
                    stripped
                            ? "it has no symbol table (linked with -s)"
                            : "'" + nm.commandLine() + "' failed: " + String.join(" ", nm.tail()));
        }
        boolean elf = isElf(binary);
        Map<String, String> values = new TreeMap<>();
        try (BinaryFile file = BinaryFile.open(binary)) {
            ElfFile elfFile = elf ? ElfFile.read(file) : null;
            for (String line : nm.stdout().split("\r?\n")) {
                symbol(line)
                        .ifPresent(symbol -> values.put(
                                symbol.variable(),
                                elfFile == null ? "(" + symbol.size() + " bytes)" : value(elfFile, symbol)));
            }
        }
        return new LinkerVariables(
                Map.copyOf(values), elf, elf ? "" : "only ELF binaries are read for -X values; this one is not ELF");
    }

    private record StringSymbol(String variable, long address, long size) {}

    /** {@code   4cf1ec          6 R main.version.str}: address, size, type, name. */
    private static Optional<StringSymbol> symbol(String line) {
        String[] fields = line.strip().split("\\s+", 4);
        if (fields.length < 4 || !fields[2].equals("R") || !fields[3].endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String name = fields[3];
        // Symbols such as go:string.* are the compiler's, not a variable's -X value.
        if (name.startsWith("go:") || name.startsWith("type:") || !name.contains(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StringSymbol(
                    name.substring(0, name.length() - SUFFIX.length()),
                    Long.parseUnsignedLong(fields[0], 16),
                    Long.parseLong(fields[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String value(ElfFile elf, StringSymbol symbol) {
        String what = "the -X value of " + symbol.variable();
        ByteBuffer bytes =
                elf.file.read(elf.offsetOf(symbol.address(), what), symbol.size(), ByteOrder.LITTLE_ENDIAN, what);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        int length = raw.length;
        // The linker ends the string with a NUL that is not part of the value.
        while (length > 0 && raw[length - 1] == 0) {
            length--;
        }
        return new String(raw, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isElf(Path binary) {
        try (BinaryFile file = BinaryFile.open(binary)) {
            if (file.size() < 4) {
                return false;
            }
            ByteBuffer magic = file.read(0, 4, ByteOrder.BIG_ENDIAN, "the file's magic number");
            return magic.getInt(0) == 0x7f454c46;
        }
    }
}
