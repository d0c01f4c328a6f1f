package dev.gomvn.image;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.signing.DsseEnvelope;
import dev.gomvn.core.signing.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Signs a pushed image and attests to it the way {@code cosign sign --key} and {@code cosign attest --key} do, so
 * that {@code cosign verify --key} and {@code cosign verify-attestation --key} check them: a simple-signing payload
 * naming the image digest, its signature in the layer's {@code dev.cosignproject.cosign/signature} annotation, under
 * {@code sha256-<hex>.sig}; a DSSE envelope around an in-toto statement under {@code sha256-<hex>.att}. Signing the
 * same image again with the same key adds nothing.
 */
public final class ImageSigner {
    static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
    static final String DSSE = "application/vnd.dsse.envelope.v1+json";
    static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    static final String PREDICATE_TYPE_ANNOTATION = "predicateType";

    private final SigningKey key;
    private final GoLog log;

    public ImageSigner(SigningKey key, GoLog log) {
        this.key = key;
        this.log = log;
    }

    /** Signs {@code target@digest} (an index or manifest digest). */
    public void sign(ImageReference target, String digest, RegistryAccess access) {
        RegistryClient client = access.client(target.registry(), "<image> (go.image)");
        byte[] payload = simpleSigningPayload(target, digest);
        String signature = Base64.getEncoder().encodeToString(key.sign(payload));
        CosignAttachment.Layer layer =
                new CosignAttachment.Layer(payload, SIMPLE_SIGNING, Map.of(SIGNATURE_ANNOTATION, signature));
        String tag = CosignAttachment.tag(digest, CosignAttachment.SIGNATURES);
        boolean added = CosignAttachment.append(
                client,
                target.repository(),
                tag,
                layer,
                existing -> SIMPLE_SIGNING.equals(existing.mediaType())
                        && layer.digest().equals(existing.digest())
                        && signedByThisKey(payload, existing.annotations().get(SIGNATURE_ANNOTATION)));
        log.info((added ? "Signed " : "Already signed ") + target.name() + "@" + digest + " with " + key + " ("
                + target.name() + ":" + tag + ")");
    }

    /** Attests {@code statement} (whose subject is {@code target@digest}) to the image. */
    public void attest(ImageReference target, String digest, ImageStatement statement, RegistryAccess access) {
        RegistryClient client = access.client(target.registry(), "<image> (go.image)");
        CosignAttachment.Layer layer = new CosignAttachment.Layer(
                DsseEnvelope.sign(key, statement.bytes()),
                DSSE,
                // cosign writes an empty signature annotation on attestations: the signature is in the envelope.
                Map.of(PREDICATE_TYPE_ANNOTATION, statement.predicateType(), SIGNATURE_ANNOTATION, ""));
        String tag = CosignAttachment.tag(digest, CosignAttachment.ATTESTATIONS);
        // ECDSA signatures differ each time, so a repeated attestation is recognised by its statement and signer.
        boolean added = CosignAttachment.append(
                client,
                target.repository(),
                tag,
                layer,
                existing -> DSSE.equals(existing.mediaType())
                        && statement
                                .predicateType()
                                .equals(existing.annotations().get(PREDICATE_TYPE_ANNOTATION))
                        && DsseEnvelope.statementSignedBy(key, client.blob(target.repository(), existing.digest()))
                                .map(signed -> Arrays.equals(signed, statement.bytes()))
                                .orElse(false));
        log.info((added ? "Attested " : "Already attested ") + statement.predicateType() + " to " + target.name() + "@"
                + digest + " with " + key + " (" + target.name() + ":" + tag + ")");
    }

    private boolean signedByThisKey(byte[] payload, String base64Signature) {
        try {
            return base64Signature != null
                    && key.verifies(payload, Base64.getDecoder().decode(base64Signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * sigstore's simple-signing payload, keys in Go's order and {@code "optional":null} as Go writes a nil map:
     * {@code {"critical":{"identity":{"docker-reference":R},"image":{"docker-manifest-digest":D},"type":"cosign
     * container image signature"},"optional":null}}.
     */
    static byte[] simpleSigningPayload(ImageReference target, String digest) {
        JsonObject identity = new JsonObject();
        identity.addProperty("docker-reference", target.name());
        JsonObject image = new JsonObject();
        image.addProperty("docker-manifest-digest", digest);
        JsonObject critical = new JsonObject();
        critical.add("identity", identity);
        critical.add("image", image);
        critical.addProperty("type", "cosign container image signature");
        JsonObject payload = new JsonObject();
        payload.add("critical", critical);
        payload.add("optional", JsonNull.INSTANCE);
        return new GsonBuilder()
                .disableHtmlEscaping()
                .serializeNulls()
                .create()
                .toJson(payload)
                .getBytes(StandardCharsets.UTF_8);
    }
}
