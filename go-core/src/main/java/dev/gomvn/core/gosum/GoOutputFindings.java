package dev.gomvn.core.gosum;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.gomod.GoSumFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What go printed during {@link GoSumVerifier}'s steps, and the lines it added to the temporary sum file, read as
 * findings: each names the module, and the user's sum file and line where there is one.
 */
final class GoOutputFindings {
    private static final Pattern MISMATCH = Pattern.compile("verifying (\\S+?)@(\\S+?)(/go\\.mod)?: checksum mismatch");
    private static final Pattern DOWNLOADED = Pattern.compile("downloaded: (h1:[A-Za-z0-9+/=]+)");
    private static final Pattern OFFLINE = Pattern.compile("(\\S+?)@(\\S+?): module lookup disabled by GOPROXY=off");
    private static final Pattern MODIFIED =
            Pattern.compile("(\\S+) (\\S+): dir has been modified.*|(\\S+) (\\S+): zip has been modified.*");

    private GoOutputFindings() {}

    static void mismatches(String output, List<Path> sumFiles, Set<String> seen, List<GoSumFinding> findings) {
        Matcher m = MISMATCH.matcher(output);
        while (m.find()) {
            String module = m.group(1);
            String version = m.group(2);
            boolean goModHash = m.group(3) != null;
            if (!seen.add(module + "@" + version + (goModHash ? "/go.mod" : ""))) {
                continue;
            }
            Matcher downloaded =
                    DOWNLOADED.matcher(output.substring(m.end(), Math.min(output.length(), m.end() + 300)));
            String hash = downloaded.find() ? downloaded.group(1) : "";
            findings.add(
                    new GoSumFinding(
                            GoSumFinding.Kind.CHECKSUM_MISMATCH,
                            module + "@" + version,
                            location(sumFiles, module, version, goModHash, hash) + ": the go.sum line for " + module
                                    + " "
                                    + version + (goModHash ? "/go.mod" : "")
                                    + " disagrees with the module's real content (checksum mismatch, verified by downloading it). Someone "
                                    + "changed go.sum or the module was replaced at its origin: find out which; never just delete the line."));
        }
    }

    static void offline(String output, List<GoSumFinding> findings) {
        Matcher m = OFFLINE.matcher(output);
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            String module = m.group(1) + "@" + m.group(2);
            if (seen.add(module)) {
                findings.add(
                        new GoSumFinding(
                                GoSumFinding.Kind.OFFLINE_MISSING,
                                module,
                                module + " is not in the module "
                                        + "cache and Maven runs offline (-o), so it cannot be verified. Run the build once online."));
            }
        }
    }

    /** The file and line holding the wrong hash: the first sum file whose line for it differs from what go downloaded. */
    private static String location(
            List<Path> sumFiles, String module, String version, boolean goModHash, String downloaded) {
        String any = null;
        for (Path sumFile : sumFiles) {
            if (Files.isRegularFile(sumFile)) {
                for (GoSumFile.GoSumEntry entry : GoSumFile.parse(sumFile).entries()) {
                    if (entry.module().equals(module)
                            && entry.version().equals(version)
                            && entry.goMod() == goModHash) {
                        String place = sumFile + ":" + entry.line();
                        if (!entry.hash().equals(downloaded)) {
                            return place;
                        }
                        any = any == null ? place : any;
                    }
                }
            }
        }
        return any != null ? any : sumFiles.get(0).toString();
    }

    /** Lines the temporary sum file gained are lines none of the user's sum files holds. */
    static void missing(
            Path moduleDirectory, List<Path> sumFiles, Path written, Path goWorkSum, List<GoSumFinding> findings) {
        Set<String> before = new LinkedHashSet<>();
        sumFiles.forEach(file -> before.addAll(lines(file)));
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String line : lines(written)) {
            if (!before.contains(line)) {
                String[] fields = line.split("\\s+");
                if (fields.length == 3) {
                    boolean goMod = fields[1].endsWith("/go.mod");
                    String version = goMod ? fields[1].substring(0, fields[1].length() - 7) : fields[1];
                    missing.computeIfAbsent(fields[0] + "@" + version, k -> new ArrayList<>())
                            .add(goMod ? "go.mod hash" : "zip hash");
                }
            }
        }
        Path goSum = sumFiles.get(0);
        missing.forEach(
                (module, kinds) -> findings.add(
                        new GoSumFinding(
                                GoSumFinding.Kind.MISSING_ENTRY,
                                module,
                                goWorkSum == null
                                        ? goSum + " lacks the " + String.join(" and ", kinds) + " of "
                                                + module.replace("@", " ")
                                                + ", which the build or its tests need. Fix: run 'go mod tidy' and commit go.sum."
                                        : "Neither " + goSum + " nor " + goWorkSum
                                                + " (nor the go.sum of another workspace module) holds the "
                                                + String.join(" and ", kinds)
                                                + " of " + module.replace("@", " ")
                                                + ", which the build or its tests need; go build in the workspace would fetch it unpinned and "
                                                + "add it to go.work.sum. Fix: run 'go mod download " + module + "' in "
                                                + moduleDirectory
                                                + " and commit go.work.sum, or run 'go mod tidy' there (it ignores go.work) and commit go.sum.")));
    }

    /** {@code go mod verify} names each module whose cached copy differs from what was downloaded. */
    static void cacheTampered(String verifyOutput, List<GoSumFinding> findings) {
        for (String line : verifyOutput.split("\n")) {
            Matcher m = MODIFIED.matcher(line.strip());
            if (m.matches()) {
                String module = m.group(1) != null ? m.group(1) + "@" + m.group(2) : m.group(3) + "@" + m.group(4);
                findings.add(new GoSumFinding(
                        GoSumFinding.Kind.CACHE_TAMPERED,
                        module,
                        "The module cache copy of " + module
                                + " no longer matches what was downloaded (" + line.strip()
                                + "). Fix: 'go clean -modcache' and "
                                + "find out what wrote into the cache."));
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
