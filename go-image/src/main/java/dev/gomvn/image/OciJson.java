package dev.gomvn.image;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.gomvn.core.VerificationException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of the image's JSON documents (config, manifests, index). A document's digest is its identity, so its
 * bytes must depend on nothing but its content: keys in the order they were added, no whitespace, no HTML escaping,
 * and every character outside ASCII escaped, so no platform charset can change a byte.
 */
final class OciJson {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private OciJson() {}

    static byte[] bytes(JsonElement document) {
        String json = GSON.toJson(document);
        StringBuilder ascii = new StringBuilder(json.length());
        json.chars().forEach(c -> {
            if (c < 0x80) {
                ascii.append((char) c);
            } else {
                ascii.append(String.format("\\u%04x", c));
            }
        });
        return ascii.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static JsonObject parse(byte[] bytes, String what) {
        try {
            JsonElement element = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new VerificationException(what + " is not a JSON object.");
            }
            return element.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            throw new VerificationException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
