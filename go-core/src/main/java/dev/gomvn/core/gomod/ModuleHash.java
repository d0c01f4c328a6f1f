package dev.gomvn.core.gomod;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The {@code h1:} hashes that go.sum and the checksum database hold for a module version
 * (golang.org/x/mod {@code dirhash.Hash1}): for each file, in byte order of its name, the line
 * {@code hex(sha256(content)) + "  " + name + "\n"}; the hash is {@code "h1:" + base64(sha256(lines))}.
 * A module zip is hashed with its entry names as they are (prefix included); a go.mod alone as
 * the single file {@code go.mod}.
 */
public final class ModuleHash {
    private static final byte[] TWO_SPACES = "  ".getBytes(StandardCharsets.UTF_8);

    private ModuleHash() {}

    /** The hash of a module zip, as on the go.sum line without the {@code /go.mod} suffix. */
    public static String ofZip(Path zip) {
        TreeMap<String, String> fileHashes = new TreeMap<>(ModuleHash::compareBytes);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                String name = entry.getName();
                if (fileHashes.containsKey(name)) {
                    throw new VerificationException("The module zip " + zip + " holds '" + name
                            + "' twice, which no module zip may; it is not what the checksum database describes.");
                }
                try (InputStream content = file.getInputStream(entry)) {
                    fileHashes.put(name, sha256Hex(content));
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not read the module zip " + zip + ": " + e.getMessage()
                            + ". The download may be truncated; delete it and retry.",
                    e);
        }
        return hash(fileHashes);
    }

    /** The hash of a go.mod file's bytes, as on the go.sum line with the {@code /go.mod} suffix. */
    public static String ofGoMod(byte[] goMod) {
        MessageDigest digest = Sha256.newDigest();
        TreeMap<String, String> single = new TreeMap<>();
        single.put("go.mod", HexFormat.of().formatHex(digest.digest(goMod)));
        return hash(single);
    }

    private static String hash(TreeMap<String, String> fileHashes) {
        MessageDigest summary = Sha256.newDigest();
        for (var file : fileHashes.entrySet()) {
            if (file.getKey().contains("\n")) {
                throw new VerificationException("A module file name contains a newline ('"
                        + file.getKey().replace("\n", "\\n")
                        + "'), which Go's module hash does not allow; the module is malformed.");
            }
            summary.update(file.getValue().getBytes(StandardCharsets.UTF_8));
            summary.update(TWO_SPACES);
            summary.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            summary.update((byte) '\n');
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    /**
     * An {@code h1:} hash as the hex of its SHA-256, the spelling of CycloneDX hashes and of the in-toto
     * {@code dirHash} digest (base64 and hex of the same 32 bytes).
     */
    public static String hex(String h1) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(h1.substring("h1:".length())));
    }

    private static String sha256Hex(InputStream content) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = content.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Go sorts names as byte strings; Java's String order differs outside the Basic Multilingual Plane. */
    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
