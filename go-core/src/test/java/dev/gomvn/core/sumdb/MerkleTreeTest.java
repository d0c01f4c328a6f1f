package dev.gomvn.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inclusion and prefix proof of small trees against RFC 6962's definition, computed naively. */
class MerkleTreeTest {
    private static final int MAX_SIZE = 70;

    private final List<byte[]> records = new ArrayList<>();

    MerkleTreeTest() {
        for (int i = 0; i < MAX_SIZE; i++) {
            records.add(("record " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** MTH(D[from:to]) exactly as RFC 6962 section 2.1 defines it. */
    private byte[] mth(int from, int to) {
        if (to - from == 1) {
            return MerkleTree.recordHash(records.get(from));
        }
        int split = 1;
        while (split * 2 < to - from) {
            split *= 2;
        }
        return MerkleTree.nodeHash(mth(from, from + split), mth(from + split, to));
    }

    private final MerkleTree.SubtreeHashes honest =
            (level, index) -> mth((int) (index << level), (int) ((index + 1) << level));

    @Test
    void everyRecordOfEveryTreeUpTo70ProvesIntoItsRoot() {
        for (int size = 1; size <= MAX_SIZE; size++) {
            for (int index = 0; index < size; index++) {
                byte[] root = MerkleTree.rootWithRecord(size, index, MerkleTree.recordHash(records.get(index)), honest);
                assertThat(root).as("record %d of %d", index, size).isEqualTo(mth(0, size));
            }
        }
    }

    @Test
    void aChangedRecordNeverProvesIntoTheRoot() {
        byte[] forged = MerkleTree.recordHash("forged\n".getBytes(StandardCharsets.UTF_8));
        for (int size = 1; size <= MAX_SIZE; size += 7) {
            for (int index = 0; index < size; index++) {
                assertThat(MerkleTree.rootWithRecord(size, index, forged, honest))
                        .isNotEqualTo(mth(0, size));
            }
        }
    }

    @Test
    void everyOlderTreeUpTo70IsProvenAPrefixOfEveryNewerOne() {
        for (int newer = 1; newer <= MAX_SIZE; newer++) {
            for (int older = 1; older <= newer; older++) {
                byte[][] roots = MerkleTree.rootsOfPrefix(older, newer, honest);
                assertThat(roots[0]).as("%d in %d", older, newer).isEqualTo(mth(0, older));
                assertThat(roots[1]).as("%d in %d", older, newer).isEqualTo(mth(0, newer));
            }
        }
    }

    @Test
    void aRewrittenHistoryDoesNotProveAPrefix() {
        byte[] olderRoot = mth(0, 20);
        records.set(5, "rewritten\n".getBytes(StandardCharsets.UTF_8));
        byte[][] roots = MerkleTree.rootsOfPrefix(20, 50, honest);
        assertThat(roots[1]).isEqualTo(mth(0, 50));
        assertThat(roots[0]).isNotEqualTo(olderRoot);
    }
}
