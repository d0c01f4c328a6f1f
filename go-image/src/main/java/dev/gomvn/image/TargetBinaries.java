package dev.gomvn.image;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryHeader;
import dev.gomvn.core.binary.BinaryInspector;
import dev.gomvn.core.gobuild.BuildTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binaries {@code go:build} wrote and verified, one entry per target, as its SHA256SUMS lists them
 * ({@code <goos>_<goarch>[_<variant>]/<name>}). Each is checked again before it goes into an image: the file still
 * has the digest SHA256SUMS records, and its ELF header names the target's architecture.
 *
 * @param binaries the target's binaries by name
 * @param sha256   their SHA-256 (hex) by name, as SHA256SUMS records and the files have
 */
public record TargetBinaries(BuildTarget target, Map<String, Path> binaries, Map<String, String> sha256) {

    /** Every target's binaries in the order of their directories, SBOMs left out. */
    public static List<TargetBinaries> read(Path outputDirectory) {
        Path sums = outputDirectory.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            throw new VerificationException(
                    "There is no " + sums + ": go:image packs the binaries go:build wrote; run go:build"
                            + " first (mvn package runs both), with the same <outputDirectory> (go.outputDirectory).");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(sums);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + sums + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Path>> byDirectory = new TreeMap<>();
        Map<Path, String> digests = new TreeMap<>();
        for (String line : lines) {
            int separator = line.indexOf("  ");
            if (line.isBlank() || separator < 0) {
                continue;
            }
            String expected = line.substring(0, separator);
            String name = line.substring(separator + 2);
            int slash = name.indexOf('/');
            if (slash < 0 || name.endsWith(".cdx.json")) {
                continue;
            }
            Path binary = outputDirectory.resolve(name);
            String actual = Files.isRegularFile(binary) ? Sha256.of(binary) : "(missing)";
            if (!actual.equals(expected)) {
                throw new VerificationException(binary + " is not the binary go:build verified: SHA256SUMS says "
                        + expected + ", the file has " + actual + ". Run go:build again.");
            }
            byDirectory
                    .computeIfAbsent(name.substring(0, slash), key -> new TreeMap<>())
                    .put(name.substring(slash + 1), binary);
            digests.put(binary, actual);
        }
        List<TargetBinaries> targets = new ArrayList<>();
        byDirectory.forEach((directory, binaries) -> {
            Map<String, String> sha256 = new LinkedHashMap<>();
            binaries.forEach((name, binary) -> sha256.put(name, digests.get(binary)));
            targets.add(new TargetBinaries(targetOf(directory), new LinkedHashMap<>(binaries), sha256));
        });
        return targets;
    }

    /** {@code linux_arm_7} is linux/arm/7; a variant with a comma ({@code 7,softfloat}) was written with {@code _}. */
    static BuildTarget targetOf(String directory) {
        String[] parts = directory.split("_", 3);
        String spec = parts.length < 3
                ? String.join("/", parts)
                : parts[0] + "/" + parts[1] + "/" + parts[2].replace('_', ',');
        return BuildTarget.parse(spec, Platform.host());
    }

    /** Checks each binary's header: an image for arm64 must hold an arm64 ELF executable. */
    void verifyHeaders() {
        binaries.forEach((name, file) -> {
            BinaryHeader header = BinaryInspector.inspect(file);
            if (header.format() != BinaryHeader.Format.ELF || !header.goarch().equals(target.goarch())) {
                throw new VerificationException(file + " is a " + header.describe() + ", not a Linux " + target.goarch()
                        + " executable; it cannot go into the " + target + " image. Run go:build again.");
            }
        });
    }
}
