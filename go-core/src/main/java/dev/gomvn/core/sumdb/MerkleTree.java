package dev.gomvn.core.sumdb;

import dev.gomvn.core.Sha256;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;

/**
 * RFC 6962 Merkle tree hashing as the Go checksum database uses it (golang.org/x/mod/sumdb/tlog):
 * a record hashes as {@code sha256(0x00 || record)}, an inner node as {@code sha256(0x01 || left ||
 * right)}, and a tree of {@code n} records splits at the largest power of two below {@code n}.
 *
 * <p>Proofs are checked by recomputing the signed root hash: every complete subtree the computation
 * needs comes from {@link SubtreeHashes} (the server's tiles, untrusted), except along the path being
 * proven, which is computed from what we know. If the result equals the signed root, the tiles told
 * the truth about that path.
 */
final class MerkleTree {
    static final int HASH_SIZE = 32;

    /** The hash of the complete subtree at {@code level} (0 = records) and position {@code index}. */
    @FunctionalInterface
    interface SubtreeHashes {
        byte[] hash(int level, long index);
    }

    private MerkleTree() {}

    static byte[] recordHash(byte[] record) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((byte) 0);
        digest.update(record);
        return digest.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((byte) 1);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of a tree of {@code size} records in which record {@code index} hashes to {@code recordHash}. */
    static byte[] rootWithRecord(long size, long index, byte[] recordHash, SubtreeHashes stored) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("record " + index + " is not in a tree of size " + size);
        }
        return hash(0, size, index, recordHash, -1, stored);
    }

    /**
     * The roots of the trees of {@code olderSize} and {@code newerSize} records, both computed from the
     * subtrees of the newer tree. The older root is built only from subtrees the newer root also
     * used, so if the newer root matches its signed value, the older one is proven to be its prefix.
     */
    static byte[][] rootsOfPrefix(long olderSize, long newerSize, SubtreeHashes stored) {
        if (olderSize <= 0 || olderSize > newerSize) {
            throw new IllegalArgumentException(
                    "a tree of size " + olderSize + " is not a prefix of one of size " + newerSize);
        }
        Set<String> used = new HashSet<>();
        SubtreeHashes recording = (level, index) -> {
            used.add(level + "/" + index);
            return stored.hash(level, index);
        };
        byte[] newer = hash(0, newerSize, -1, null, olderSize, recording);
        SubtreeHashes onlyUsed = (level, index) -> {
            if (!used.contains(level + "/" + index)) {
                throw new IllegalStateException(
                        "subtree " + level + "/" + index + " was not part of the newer tree's proof");
            }
            return stored.hash(level, index);
        };
        byte[] older = hash(0, olderSize, -1, null, -1, onlyUsed);
        return new byte[][] {older, newer};
    }

    /**
     * MTH(records[from:to]), taking complete subtrees from {@code stored} unless they contain the
     * record at {@code index} or straddle {@code boundary}; those are split until they do not.
     */
    private static byte[] hash(long from, long to, long index, byte[] recordHash, long boundary, SubtreeHashes stored) {
        long count = to - from;
        if (count == 1 && from == index) {
            return recordHash;
        }
        boolean containsRecord = from <= index && index < to;
        boolean straddles = from < boundary && boundary < to;
        if (Long.bitCount(count) == 1 && !containsRecord && !straddles) {
            int level = Long.numberOfTrailingZeros(count);
            return stored.hash(level, from >>> level);
        }
        long split = Long.highestOneBit(count - 1);
        return nodeHash(
                hash(from, from + split, index, recordHash, boundary, stored),
                hash(from + split, to, index, recordHash, boundary, stored));
    }
}
