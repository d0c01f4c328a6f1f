package dev.gomvn.core.sumdb;

import dev.gomvn.core.VerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A signed note (golang.org/x/mod/sumdb/note): UTF-8 text ending in a newline, a blank line, then
 * signature lines {@code "— <name> <base64(4-byte key hash + signature)>"}. The text is trusted only
 * once a signature by the expected key verifies; signatures by other keys are ignored, as Go does.
 */
public final class SignedNote {
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String text;
    private final byte[] encoded;

    private SignedNote(String text, byte[] encoded) {
        this.text = text;
        this.encoded = encoded;
    }

    /**
     * Verifies {@code encoded} with {@code verifier} and returns the note.
     *
     * @param origin where the note came from, for messages
     * @throws VerificationException if the note is malformed, carries no signature by the key, or the
     *     signature does not verify
     */
    public static SignedNote verify(byte[] encoded, NoteVerifier verifier, String origin) {
        String message = new String(encoded, StandardCharsets.UTF_8);
        if (!Arrays.equals(message.getBytes(StandardCharsets.UTF_8), encoded)) {
            throw malformed(origin, "it is not valid UTF-8");
        }
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed(origin, "it has no signature block");
        }
        String text = message.substring(0, split + 1);
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw malformed(origin, "its text contains control characters");
        }
        String signatures = message.substring(split + 2);
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw malformed(origin, "its signature block does not end with a newline");
        }
        byte[] signedBytes = text.getBytes(StandardCharsets.UTF_8);
        boolean signedByKey = false;
        for (String line : signatures.substring(0, signatures.length() - 1).split("\n", -1)) {
            byte[] signature = signatureBytes(line, origin);
            String name = line.substring(SIGNATURE_PREFIX.length(), line.lastIndexOf(' '));
            if (!name.equals(verifier.name())
                    || ByteBuffer.wrap(signature, 0, 4).getInt() != verifier.keyHash()) {
                continue;
            }
            if (!verifier.verifies(signedBytes, Arrays.copyOfRange(signature, 4, signature.length))) {
                throw new VerificationException(
                        "The signature of " + origin + " by " + verifier.name()
                                + " does not verify: the signed text was altered or the signature forged. Nothing was installed.");
            }
            signedByKey = true;
        }
        if (!signedByKey) {
            throw new VerificationException(origin + " carries no signature by the key of " + verifier.name()
                    + " (key hash " + String.format(java.util.Locale.ROOT, "%08x", verifier.keyHash())
                    + "); it was not signed by that checksum "
                    + "database or the configured key (go.sumdb) is wrong. Nothing was installed.");
        }
        return new SignedNote(text, encoded.clone());
    }

    /** The signed text, ending in a newline. */
    public String text() {
        return text;
    }

    /** The note exactly as received, signatures included, for storing and re-verifying later. */
    public byte[] encoded() {
        return encoded.clone();
    }

    private static byte[] signatureBytes(String line, String origin) {
        int space = line.lastIndexOf(' ');
        if (!line.startsWith(SIGNATURE_PREFIX) || space <= SIGNATURE_PREFIX.length()) {
            throw malformed(origin, "the signature line '" + line + "' is not '— <name> <signature>'");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw malformed(origin, "a signature is not base64");
        }
        if (signature.length < 5) {
            throw malformed(origin, "a signature is too short");
        }
        return signature;
    }

    private static VerificationException malformed(String origin, String reason) {
        return new VerificationException(
                origin + " is not a valid signed note: " + reason + ". Nothing was installed.");
    }
}
