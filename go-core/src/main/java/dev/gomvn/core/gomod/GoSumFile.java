package dev.gomvn.core.gomod;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A go.sum file: {@code module version[/go.mod] h1:hash} lines. Read only. */
public final class GoSumFile {
    private final List<GoSumEntry> entries;

    private GoSumFile(List<GoSumEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static GoSumFile parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public static GoSumFile parse(String content, String fileName) {
        List<GoSumEntry> entries = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 3 || !fields[2].contains(":")) {
                throw new GoModParseException(
                        fileName,
                        i + 1,
                        "malformed go.sum line '" + line + "'",
                        "each line must be 'module version h1:hash'; restore go.sum from version control");
            }
            boolean goMod = fields[1].endsWith("/go.mod");
            String version = goMod ? fields[1].substring(0, fields[1].length() - "/go.mod".length()) : fields[1];
            entries.add(new GoSumEntry(fields[0], version, goMod, fields[2], i + 1));
        }
        return new GoSumFile(entries);
    }

    public List<GoSumEntry> entries() {
        return entries;
    }

    public boolean hasZipHash(String module, String version) {
        return entries.stream()
                .anyMatch(e ->
                        !e.goMod() && e.module().equals(module) && e.version().equals(version));
    }

    public boolean hasGoModHash(String module, String version) {
        return entries.stream()
                .anyMatch(e ->
                        e.goMod() && e.module().equals(module) && e.version().equals(version));
    }

    /** One go.sum line; {@code goMod} marks the hash of the module's go.mod rather than its zip. */
    public record GoSumEntry(String module, String version, boolean goMod, String hash, int line) {}
}
