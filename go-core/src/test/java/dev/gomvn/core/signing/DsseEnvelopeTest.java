package dev.gomvn.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DsseEnvelopeTest {
    private static final byte[] STATEMENT =
            "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void paeIsTheSpecsEncodingWithByteLengths() {
        assertThat(new String(
                        DsseEnvelope.pae("http://example.com/HelloWorld", "hello world".getBytes()),
                        StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        assertThat(new String(DsseEnvelope.pae("", new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 0  0 ");
    }

    @Test
    void theEnvelopeIsCosignsAndItsSignatureIsOverThePae() throws Exception {
        SigningKey key = SigningKeyTest.keyFile("sec1.pem", Optional.empty()).load();

        byte[] envelope = DsseEnvelope.sign(key, STATEMENT);

        String json = new String(envelope, StandardCharsets.UTF_8);
        assertThat(json)
                .matches("\\{\"payloadType\":\"application/vnd.in-toto\\+json\",\"payload\":\"[A-Za-z0-9+/=]+\","
                        + "\"signatures\":\\[\\{\"keyid\":\"\",\"sig\":\"[A-Za-z0-9+/=]+\"}]}");
        JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
        assertThat(Base64.getDecoder().decode(parsed.get("payload").getAsString()))
                .isEqualTo(STATEMENT);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(SigningKeyTest.publicKey());
        verifier.update(DsseEnvelope.pae("application/vnd.in-toto+json", STATEMENT));
        String sig = parsed.getAsJsonArray("signatures")
                .get(0)
                .getAsJsonObject()
                .get("sig")
                .getAsString();
        assertThat(verifier.verify(Base64.getDecoder().decode(sig))).isTrue();
    }

    @Test
    void anEnvelopeIsRecognisedOnlyWithTheKeyThatSignedIt() {
        SigningKey key = SigningKeyTest.keyFile("sec1.pem", Optional.empty()).load();
        byte[] envelope = DsseEnvelope.sign(key, STATEMENT);

        assertThat(DsseEnvelope.statementSignedBy(key, envelope)).hasValue(STATEMENT);
        String forged = new String(envelope, StandardCharsets.UTF_8)
                .replace(
                        Base64.getEncoder().encodeToString(STATEMENT),
                        Base64.getEncoder().encodeToString("{}".getBytes()));
        assertThat(DsseEnvelope.statementSignedBy(key, forged.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DsseEnvelope.statementSignedBy(key, "not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
