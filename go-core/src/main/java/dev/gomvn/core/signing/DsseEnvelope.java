package dev.gomvn.core.signing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A DSSE envelope (github.com/secure-systems-lab/dsse) around an in-toto statement, as {@code cosign attest} stores
 * it: {@code {"payloadType":"application/vnd.in-toto+json","payload":<base64>,"signatures":[{"keyid":"","sig":<base64>}]}}
 * where the signature is over the pre-authentication encoding (PAE) of type and payload, not over the payload: the
 * type is signed too, so a payload cannot be passed off as another kind of document.
 */
public final class DsseEnvelope {
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private DsseEnvelope() {}

    /** {@code "DSSEv1" SP len(type) SP type SP len(payload) SP payload}, the lengths in bytes as ASCII decimals. */
    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The envelope's JSON bytes, the in-toto {@code statement} signed by {@code key}. */
    public static byte[] sign(SigningKey key, byte[] statement) {
        JsonObject signature = new JsonObject();
        signature.addProperty("keyid", "");
        signature.addProperty(
                "sig", Base64.getEncoder().encodeToString(key.sign(pae(IN_TOTO_PAYLOAD_TYPE, statement))));
        JsonArray signatures = new JsonArray();
        signatures.add(signature);
        JsonObject envelope = new JsonObject();
        envelope.addProperty("payloadType", IN_TOTO_PAYLOAD_TYPE);
        envelope.addProperty("payload", Base64.getEncoder().encodeToString(statement));
        envelope.add("signatures", signatures);
        return GSON.toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The statement of an envelope that {@code key} signed, if {@code envelope} is one; empty for anything else
     * (another key's, another payload type, not an envelope), so that an existing attestation can be recognised as
     * the one about to be written.
     */
    public static Optional<byte[]> statementSignedBy(SigningKey key, byte[] envelope) {
        try {
            JsonElement json = JsonParser.parseString(new String(envelope, StandardCharsets.UTF_8));
            if (!json.isJsonObject() || !IN_TOTO_PAYLOAD_TYPE.equals(stringOf(json.getAsJsonObject(), "payloadType"))) {
                return Optional.empty();
            }
            byte[] statement = Base64.getDecoder().decode(stringOf(json.getAsJsonObject(), "payload"));
            byte[] pae = pae(IN_TOTO_PAYLOAD_TYPE, statement);
            for (JsonElement signature : json.getAsJsonObject().getAsJsonArray("signatures")) {
                byte[] sig = Base64.getDecoder().decode(stringOf(signature.getAsJsonObject(), "sig"));
                if (key.verifies(pae, sig)) {
                    return Optional.of(statement);
                }
            }
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            // Not an envelope this code wrote: not a match.
        }
        return Optional.empty();
    }

    private static String stringOf(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
