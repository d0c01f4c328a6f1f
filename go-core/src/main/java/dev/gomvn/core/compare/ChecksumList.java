package dev.gomvn.core.compare;

import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checksum list in the format {@code sha256sum} writes and {@code sha256sum -c} reads: one {@code <sha256>  <name>}
 * per line ({@code <sha256> *<name>} in binary mode), as go:build publishes it with each binary named
 * {@code <artifactId>-<version>-<classifier>.<type>}.
 *
 * @param source where the list came from, for messages: a repository path or a URL
 */
public record ChecksumList(String source, Map<String, String> sha256ByName) {
    /** The types go:build attaches binaries as; SBOMs (json) are derived from the binaries and not compared. */
    private static final Set<String> BINARY_TYPES = Set.of("bin", "exe", "wasm");

    /** One binary the list names. */
    public record Entry(String name, String classifier, String sha256) {

        /**
         * Checks that {@code file}, downloaded as this entry's binary from {@code from}, is the binary the list names.
         *
         * @throws VerificationException naming both digests when it is not
         */
        public void verify(Path file, String from, ChecksumList list) {
            String actual = Sha256.of(file);
            if (!actual.equals(sha256)) {
                throw new VerificationException(name + " from " + from + " has SHA-256 " + actual
                        + ", but the published"
                        + " checksum list " + list.source() + " gives " + sha256 + ": the published binary or its list"
                        + " is corrupt or was tampered with. Do not deploy over it; find out which of the two the"
                        + " repository's owner published, and delete the local copy (" + file
                        + ") to download it again.");
            }
        }
    }

    public ChecksumList {
        sha256ByName = Map.copyOf(sha256ByName);
    }

    /**
     * Reads a list; blank lines and {@code #} comments are skipped, as sha256sum itself does not write them but people
     * do.
     *
     * @throws VerificationException for a line that is not a digest and a name
     */
    public static ChecksumList parse(String source, String text) {
        Map<String, String> sha256ByName = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 2);
            if (fields.length < 2 || !Sha256.isHex(fields[0])) {
                throw new VerificationException("Line " + (i + 1) + " of the checksum list " + source + " is '" + line
                        + "', not '<sha256>  <file name>' as sha256sum writes it. Point <publishedChecksums>"
                        + " (go.compare.checksums) at a list that sha256sum -c accepts.");
            }
            String name = fields[1].startsWith("*") ? fields[1].substring(1) : fields[1];
            String sha256 = fields[0].toLowerCase(Locale.ROOT);
            String previous = sha256ByName.put(name, sha256);
            if (previous != null && !previous.equals(sha256)) {
                throw new VerificationException("The checksum list " + source + " names " + name
                        + " twice with different digests (" + previous + ", " + sha256
                        + "): it cannot say which binary was published.");
            }
        }
        return new ChecksumList(source, sha256ByName);
    }

    /**
     * The binaries of {@code artifactId} {@code version} it names, keyed by classifier: names of other artifacts,
     * versions or types (the SBOMs) are not binaries this build can have made.
     */
    public Map<String, Entry> binaries(String artifactId, String version) {
        String prefix = artifactId + "-" + version + "-";
        Map<String, Entry> byClassifier = new TreeMap<>();
        sha256ByName.forEach((name, sha256) -> classifier(name, prefix)
                .ifPresent(classifier -> byClassifier.put(classifier, new Entry(name, classifier, sha256))));
        return byClassifier;
    }

    /** The extension of a name the list gives, which Maven uses as the artifact's type: bin, exe, wasm. */
    public static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Optional<String> classifier(String name, String prefix) {
        // The list may name paths (dist/app-1.0-linux-amd64.bin) when it was not written by go:build.
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        if (!fileName.startsWith(prefix) || dot <= prefix.length() || !BINARY_TYPES.contains(extension(fileName))) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(prefix.length(), dot));
    }
}
