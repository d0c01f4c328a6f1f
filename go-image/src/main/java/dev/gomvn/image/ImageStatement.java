package dev.gomvn.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-toto v1 statement about an image, made from go:build's statement about the binaries: the same predicate
 * (and predicateType), with the image (its name and index digest) as the one subject, because {@code cosign
 * verify-attestation} accepts an attestation only when its subject is the image it checks.
 *
 * @param bytes         the statement's JSON, the DSSE payload
 * @param predicateType what the predicate is, e.g. {@code https://slsa.dev/provenance/v1}
 */
public record ImageStatement(byte[] bytes, String predicateType) {
    static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

    /** The statement about {@code target@digest} with the predicate of the statement in {@code provenance}. */
    public static ImageStatement of(Path provenance, ImageReference target, String digest) {
        byte[] content;
        try {
            content = Files.readAllBytes(provenance);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read the provenance " + provenance + ": " + e.getMessage(), e);
        }
        JsonObject given = OciJson.parse(content, "The provenance " + provenance);
        JsonElement predicate = given.get("predicate");
        String predicateType = OciJson.string(given, "predicateType");
        if (predicateType == null || predicate == null || !predicate.isJsonObject()) {
            throw new ConfigurationException(
                    null,
                    "The provenance " + provenance + " is not an in-toto statement (it lacks predicateType or "
                            + "predicate); build it again with go:build.");
        }
        JsonObject sha256 = new JsonObject();
        sha256.addProperty("sha256", digest.substring("sha256:".length()));
        JsonObject subject = new JsonObject();
        subject.addProperty("name", target.name());
        subject.add("digest", sha256);
        JsonArray subjects = new JsonArray();
        subjects.add(subject);
        JsonObject statement = new JsonObject();
        statement.addProperty("_type", STATEMENT_TYPE);
        statement.add("subject", subjects);
        statement.addProperty("predicateType", predicateType);
        statement.add("predicate", predicate);
        return new ImageStatement(OciJson.bytes(statement), predicateType);
    }
}
