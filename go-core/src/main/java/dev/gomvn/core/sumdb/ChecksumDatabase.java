package dev.gomvn.core.sumdb;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A client of a Go checksum database (sum.golang.org) that trusts nothing it is served: the tree head
 * must be signed by the database's key and consistent with the newest head verified before, and the
 * record must be proven included in that tree, before its go.sum lines are returned.
 */
public final class ChecksumDatabase {
    private final NoteVerifier verifier;
    private final SumDbServer server;
    private final TreeHeadStore store;
    private final GoLog log;

    public ChecksumDatabase(NoteVerifier verifier, SumDbServer server, TreeHeadStore store, GoLog log) {
        this.verifier = verifier;
        this.server = server;
        this.store = store;
        this.log = log;
    }

    /** The verified go.sum lines of {@code modulePath@version}, e.g. {@code "golang.org/toolchain v0.0.1-... h1:..."}. */
    public VerifiedRecord lookup(String modulePath, String version) {
        String name = verifier.name();
        String path = "lookup/" + escape(modulePath) + "@" + escape(version);
        byte[] response = server.read(path)
                .orElseThrow(() -> new NoRecordException("The checksum database " + name
                        + " has no record of " + modulePath + "@" + version + " (" + path
                        + " was not found); that version does "
                        + "not exist, or the proxy in front of the database does not know it."));
        String origin = "the answer of " + name + " for " + modulePath + "@" + version;
        LookupResponse parsed = LookupResponse.parse(response, origin);
        TreeHead tree = TreeHead.of(SignedNote.verify(parsed.treeNote(), verifier, origin), origin);
        TreeHead trusted = checkAgainstStored(tree);
        if (parsed.recordId() >= tree.size()) {
            throw new VerificationException(origin + " names record " + parsed.recordId() + ", which is not in its own "
                    + tree.describe() + ". Nothing was installed.");
        }
        Tiles tiles = new Tiles(server, tree.size(), name);
        byte[] root = MerkleTree.rootWithRecord(
                tree.size(), parsed.recordId(), MerkleTree.recordHash(parsed.record()), tiles);
        if (!Arrays.equals(root, tree.rootHash())) {
            throw new VerificationException("The record of " + modulePath + "@" + version + " served by " + name
                    + " is not in the signed " + tree.describe()
                    + ": the record or the tiles were altered (they give root "
                    + Base64.getEncoder().encodeToString(root) + "). Nothing was installed.");
        }
        String prefix = modulePath + " " + version + " ";
        String prefixGoMod = modulePath + " " + version + "/go.mod ";
        List<String> lines = new String(parsed.record(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith(prefix) || line.startsWith(prefixGoMod))
                .toList();
        log.debug("Verified record " + parsed.recordId() + " of " + name + " for " + modulePath + "@" + version
                + " against the signed " + tree.describe() + " (newest verified: size " + trusted.size() + ").");
        return new VerifiedRecord(modulePath, version, lines, name, tree.size());
    }

    /** Proves one of the two trees a prefix of the other, keeps the larger, and returns it. */
    private TreeHead checkAgainstStored(TreeHead served) {
        String name = verifier.name();
        var stored = store.latest(verifier);
        if (stored.isEmpty()) {
            store.save(served, name);
            return served;
        }
        TreeHead known = stored.get();
        if (known.size() == served.size()) {
            if (!known.sameTree(served)) {
                throw fork(known, served, "both have size " + known.size() + " but different roots");
            }
            return known;
        }
        TreeHead older = known.size() < served.size() ? known : served;
        TreeHead newer = known.size() < served.size() ? served : known;
        if (older.size() > 0) {
            byte[][] roots;
            try {
                roots = MerkleTree.rootsOfPrefix(older.size(), newer.size(), new Tiles(server, newer.size(), name));
            } catch (VerificationException missingTiles) {
                throw fork(
                        known,
                        served,
                        "it cannot prove that its tree is a prefix of the " + newer.describe() + ": "
                                + missingTiles.getMessage());
            }
            if (!Arrays.equals(roots[1], newer.rootHash())) {
                throw fork(known, served, "the tiles for the " + newer.describe() + " do not hash to its root");
            }
            if (!Arrays.equals(roots[0], older.rootHash())) {
                throw fork(known, served, "the " + older.describe() + " is not a prefix of the " + newer.describe());
            }
        }
        if (newer == served) {
            store.save(served, name);
        }
        return newer;
    }

    private VerificationException fork(TreeHead known, TreeHead served, String why) {
        return new VerificationException("SECURITY ERROR: the checksum database " + verifier.name() + " now serves a "
                + served.describe() + " that is inconsistent with the " + known.describe()
                + " verified earlier and kept in "
                + store.fileOf(verifier.name()) + " (" + why
                + "). The database or a proxy in between has forked or rolled "
                + "back its log; nothing was installed. Report this to the database operator; do not delete the stored head "
                + "to get past this error.");
    }

    /**
     * The database answered that it has no record of the module version (404/410): for the public database, whose
     * records are made on demand from the public proxy, the version does not exist.
     */
    public static final class NoRecordException extends EnvironmentException {
        NoRecordException(String message) {
            super(message);
        }
    }

    /** Go's module path escaping: an upper-case letter becomes '!' and its lower case. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                escaped.append('!').append(Character.toLowerCase(c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** {@code <id>\n<record text>\n<signed tree note>}, as tlog.ParseRecord reads it. */
    private record LookupResponse(long recordId, byte[] record, byte[] treeNote) {
        static LookupResponse parse(byte[] response, String origin) {
            int idEnd = indexOf(response, "\n".getBytes(StandardCharsets.UTF_8), 0);
            int recordEnd = indexOf(response, "\n\n".getBytes(StandardCharsets.UTF_8), Math.max(idEnd, 0));
            if (idEnd <= 0 || recordEnd < 0) {
                throw malformed(origin, "it is not a record id, a record and a signed tree head");
            }
            long id;
            try {
                id = Long.parseLong(new String(response, 0, idEnd, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw malformed(origin, "its first line is not a record id");
            }
            if (id < 0) {
                throw malformed(origin, "its record id is negative");
            }
            return new LookupResponse(
                    id,
                    Arrays.copyOfRange(response, idEnd + 1, recordEnd + 1),
                    Arrays.copyOfRange(response, recordEnd + 2, response.length));
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static VerificationException malformed(String origin, String reason) {
            return new VerificationException(origin + " is malformed: " + reason + ". Nothing was installed.");
        }
    }
}
