package dev.gomvn.core.testsupport;

import dev.gomvn.core.Sha256;
import dev.gomvn.core.sumdb.SumDbServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny Go checksum database built by the test with its own Ed25519 key: it appends records, signs
 * tree heads, and serves {@code lookup/} and {@code tile/} paths exactly as sum.golang.org lays them
 * out, so the client code is tested against the real protocol without the network. Written from the
 * protocol description, independently of the client's own Merkle code.
 */
public final class TestChecksumDatabase implements SumDbServer {
    private final String name;
    private final KeyPair key;
    private final List<byte[]> records = new ArrayList<>();
    private final Map<String, Long> recordIds = new HashMap<>();
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();

    public TestChecksumDatabase(String name) {
        this(name, newKey());
    }

    private TestChecksumDatabase(String name, KeyPair key) {
        this.name = name;
        this.key = key;
    }

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database with the same name and key holding only the first {@code count} records: the start of a fork. */
    public TestChecksumDatabase copyOf(int count) {
        TestChecksumDatabase copy = new TestChecksumDatabase(name, key);
        for (int i = 0; i < count; i++) {
            copy.records.add(records.get(i));
        }
        recordIds.forEach((id, index) -> {
            if (index < count) {
                copy.recordIds.put(id, index);
            }
        });
        return copy;
    }

    /** The verifier key in Go's note format, {@code <name>+<hash>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        byte[] keyData = keyData();
        return name + "+" + String.format(Locale.ROOT, "%08x", keyHash(keyData)) + "+"
                + Base64.getEncoder().encodeToString(keyData);
    }

    /** Appends the go.sum lines of one module version as a record. */
    public long add(String modulePath, String version, String zipHash, String goModHash) {
        String text = modulePath + " " + version + " " + zipHash + "\n" + modulePath + " " + version + "/go.mod "
                + goModHash + "\n";
        return addRecord(modulePath + "@" + version, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code count} filler records, e.g. to grow the tree past tile boundaries. */
    public void addFiller(int count) {
        for (int i = 0; i < count; i++) {
            int n = records.size();
            addRecord(
                    "example.com/filler" + n + "@v1.0.0",
                    ("example.com/filler" + n + " v1.0.0 h1:x=\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private long addRecord(String id, byte[] text) {
        records.add(text);
        recordIds.put(id, (long) records.size() - 1);
        return records.size() - 1;
    }

    public long size() {
        return records.size();
    }

    /** Serves {@code body} for {@code path} instead of the real answer, e.g. a tampered record or tile. */
    public void override(String path, byte[] body) {
        overrides.put(path, body);
    }

    public byte[] answer(String path) {
        return read(path).orElseThrow();
    }

    /** The signed note for the current tree: {@code go.sum database tree\nN\nhash\n}, blank line, signature. */
    public byte[] signedTreeHead() {
        publishTiles();
        return sign(("go.sum database tree\n" + records.size() + "\n"
                        + Base64.getEncoder().encodeToString(root(0, records.size())) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    public byte[] sign(byte[] text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(text);
            byte[] signature = signer.sign();
            byte[] withHash = ByteBuffer.allocate(4 + signature.length)
                    .putInt(keyHash(keyData()))
                    .put(signature)
                    .array();
            String line = "\u2014 " + name + " " + Base64.getEncoder().encodeToString(withHash) + "\n";
            byte[] note = new byte[text.length + 1 + line.getBytes(StandardCharsets.UTF_8).length];
            System.arraycopy(text, 0, note, 0, text.length);
            note[text.length] = '\n';
            byte[] lineBytes = line.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(lineBytes, 0, note, text.length + 1, lineBytes.length);
            return note;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> read(String path) {
        if (overrides.containsKey(path)) {
            return Optional.of(overrides.get(path));
        }
        if (path.startsWith("lookup/")) {
            Long id = recordIds.get(path.substring("lookup/".length()));
            if (id == null) {
                return Optional.empty();
            }
            byte[] head = (id + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] record = records.get(id.intValue());
            byte[] note = signedTreeHead();
            byte[] answer = new byte[head.length + record.length + 1 + note.length];
            System.arraycopy(head, 0, answer, 0, head.length);
            System.arraycopy(record, 0, answer, head.length, record.length);
            answer[head.length + record.length] = '\n';
            System.arraycopy(note, 0, answer, head.length + record.length + 1, note.length);
            return Optional.of(answer);
        }
        return Optional.ofNullable(served.get(path));
    }

    /**
     * Every tile of the current tree, full and partial, once its head is signed; partial tiles of
     * earlier signed sizes stay served, as on the real server.
     */
    private void publishTiles() {
        long size = records.size();
        for (int level = 0; (size >>> (8 * level)) > 0; level++) {
            long nodes = size >>> (8 * level);
            for (long tile = 0; tile * 256 < nodes; tile++) {
                int width = (int) Math.min(256, nodes - tile * 256);
                String path = tilePath(level, tile, width);
                if (!served.containsKey(path)) {
                    ByteBuffer data = ByteBuffer.allocate(width * 32);
                    for (int i = 0; i < width; i++) {
                        long index = tile * 256 + i;
                        data.put(root(index << (8 * level), (index + 1) << (8 * level)));
                    }
                    served.put(path, data.array());
                }
            }
        }
    }

    static String tilePath(int level, long index, int width) {
        StringBuilder number = new StringBuilder(String.format(Locale.ROOT, "%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            number.insert(0, String.format(Locale.ROOT, "x%03d/", rest % 1000));
        }
        return "tile/8/" + level + "/" + number + (width == 256 ? "" : ".p/" + width);
    }

    private final Map<String, byte[]> rootCache = new HashMap<>();

    /** RFC 6962 MTH(records[from:to]). */
    private byte[] root(long from, long to) {
        String key = from + "-" + to;
        byte[] cached = rootCache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] result;
        if (to - from == 1) {
            result = digest(new byte[] {0}, records.get((int) from));
        } else {
            long split = 1;
            while (split * 2 < to - from) {
                split *= 2;
            }
            result = digest(new byte[] {1}, root(from, from + split), root(from + split, to));
        }
        rootCache.put(key, result);
        return result;
    }

    private static byte[] digest(byte[]... parts) {
        MessageDigest digest = Sha256.newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private byte[] keyData() {
        byte[] encoded = key.getPublic().getEncoded();
        byte[] data = new byte[33];
        data[0] = 1;
        System.arraycopy(encoded, encoded.length - 32, data, 1, 32);
        return data;
    }

    private int keyHash(byte[] keyData) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(keyData);
        return ByteBuffer.wrap(Arrays.copyOf(digest.digest(), 4)).getInt();
    }
}
