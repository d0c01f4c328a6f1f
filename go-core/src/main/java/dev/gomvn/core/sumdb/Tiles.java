package dev.gomvn.core.sumdb;

import dev.gomvn.core.VerificationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subtree hashes of one tree, read from the database's tiles of height 8: tile {@code (L, K)}
 * holds the hashes of the level-{@code 8L} subtrees {@code 256K .. 256K+W-1}, and any subtree up to
 * seven levels above them is hashed from those. A tile that is not full yet is named {@code .p/W}.
 * Tiles are untrusted; {@link MerkleTree} proves whatever it uses from them against a signed root.
 */
final class Tiles implements MerkleTree.SubtreeHashes {
    static final int HEIGHT = 8;
    private static final int WIDTH = 1 << HEIGHT;

    private final SumDbServer server;
    private final long treeSize;
    private final String databaseName;
    private final Map<String, byte[]> cache = new HashMap<>();

    Tiles(SumDbServer server, long treeSize, String databaseName) {
        this.server = server;
        this.treeSize = treeSize;
        this.databaseName = databaseName;
    }

    @Override
    public byte[] hash(int level, long index) {
        int tileLevel = level / HEIGHT;
        int levelInTile = level % HEIGHT;
        long first = index << levelInTile;
        long tileIndex = first / WIDTH;
        int offset = (int) (first % WIDTH);
        long available = (treeSize >>> (HEIGHT * tileLevel)) - tileIndex * WIDTH;
        int width = (int) Math.min(WIDTH, available);
        byte[] tile = tile(tileLevel, tileIndex, width);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 1 << levelInTile; i++) {
            byte[] hash = new byte[MerkleTree.HASH_SIZE];
            System.arraycopy(tile, (offset + i) * MerkleTree.HASH_SIZE, hash, 0, MerkleTree.HASH_SIZE);
            hashes.add(hash);
        }
        while (hashes.size() > 1) {
            List<byte[]> parents = new ArrayList<>();
            for (int i = 0; i < hashes.size(); i += 2) {
                parents.add(MerkleTree.nodeHash(hashes.get(i), hashes.get(i + 1)));
            }
            hashes = parents;
        }
        return hashes.get(0);
    }

    private byte[] tile(int level, long index, int width) {
        String path = path(level, index, width);
        return cache.computeIfAbsent(path, p -> read(level, index, width));
    }

    private byte[] read(int level, long index, int width) {
        String path = path(level, index, width);
        Optional<byte[]> data = server.read(path);
        if (data.isEmpty() && width < WIDTH) {
            // The tile may have filled up since the tree was signed; its first hashes never change.
            data = server.read(path(level, index, WIDTH))
                    .filter(full -> full.length == WIDTH * MerkleTree.HASH_SIZE)
                    .map(full -> Arrays.copyOf(full, width * MerkleTree.HASH_SIZE));
        }
        byte[] tile = data.orElseThrow(() -> new VerificationException("The checksum database " + databaseName
                + " does not serve " + path + ", which the proof for its tree of size " + treeSize
                + " needs; the server or the proxy in between is incomplete. Nothing was installed."));
        if (tile.length != width * MerkleTree.HASH_SIZE) {
            throw new VerificationException("The tile " + path + " of the checksum database " + databaseName + " has "
                    + tile.length + " bytes instead of " + width * MerkleTree.HASH_SIZE
                    + "; it is corrupt. Nothing was installed.");
        }
        return tile;
    }

    /** {@code tile/8/<L>/<K>[.p/<W>]}, with K in groups of three digits, all but the last prefixed by x. */
    static String path(int level, long index, int width) {
        StringBuilder number = new StringBuilder(String.format(Locale.ROOT, "%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            number.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return "tile/" + HEIGHT + "/" + level + "/" + number + (width < WIDTH ? ".p/" + width : "");
    }
}
