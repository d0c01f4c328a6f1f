package dev.gomvn.core.sumdb;

import java.util.List;
import java.util.Optional;

/**
 * The go.sum lines the checksum database proved it holds for one module version.
 *
 * @param database the database's name, e.g. {@code sum.golang.org}
 * @param treeSize the size of the signed tree the record was proven in
 */
public record VerifiedRecord(String modulePath, String version, List<String> lines, String database, long treeSize) {

    /** The {@code h1:} hash of the module zip, if the record has one. */
    public Optional<String> zipHash() {
        return hashAfter(modulePath + " " + version + " ");
    }

    /** The {@code h1:} hash of the module's go.mod, if the record has one. */
    public Optional<String> goModHash() {
        return hashAfter(modulePath + " " + version + "/go.mod ");
    }

    private Optional<String> hashAfter(String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst();
    }

    public String describe() {
        return database + " (record proven in its signed tree of size " + treeSize + ")";
    }
}
