package dev.gomvn.core.sumdb;

import dev.gomvn.core.VerificationException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The checksum database's signed statement "the log holds {@code size} records and its Merkle tree
 * hash is {@code rootHash}", with the note it came in.
 */
public record TreeHead(long size, byte[] rootHash, SignedNote note) {
    private static final String HEADER = "go.sum database tree";

    /** Reads the tree from a verified note's text; extra lines after the hash are ignored, as in Go. */
    public static TreeHead of(SignedNote note, String origin) {
        String[] lines = note.text().split("\n", 4);
        if (lines.length != 4 || !lines[0].equals(HEADER)) {
            throw malformed(origin, "it does not start with '" + HEADER + "', a size and a hash");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw malformed(origin, "its size '" + lines[1] + "' is not a number");
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw malformed(origin, "its hash is not base64");
        }
        if (size < 0 || hash.length != MerkleTree.HASH_SIZE) {
            throw malformed(origin, "its size is negative or its hash is not 32 bytes");
        }
        return new TreeHead(size, hash, note);
    }

    public boolean sameTree(TreeHead other) {
        return size == other.size && Arrays.equals(rootHash, other.rootHash);
    }

    public String describe() {
        return "tree of size " + size + " with root " + Base64.getEncoder().encodeToString(rootHash);
    }

    private static VerificationException malformed(String origin, String reason) {
        return new VerificationException("The tree head in " + origin + " is malformed: " + reason + ".");
    }
}
