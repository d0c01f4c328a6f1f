package dev.gomvn.cgo.minisign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures the real minisign 0.11 made (see the README beside the fixtures), verified by gomvn's verifier. */
class MinisignInteropTest {
    private static final MinisignPublicKey MINISIGN_KEY = MinisignPublicKey.parse(text("minisign-0.11.pub"));

    @Test
    void theKeyIdIsTheOneMinisignPrints() {
        assertThat(MINISIGN_KEY.keyIdHex()).isEqualTo("75A007E75F1CAA7D");
        assertThat(MinisignPublicKey.parse("RWR9qhxf5wegdY0SnxWcyFJXwoXzsjIOWu1XZw70eZrtawkSP/fZn06d")
                        .keyIdHex())
                .isEqualTo("75A007E75F1CAA7D");
    }

    @Test
    void aPrehashedSignatureOfMinisignVerifiesAndAOneByteChangeDoesNot() {
        byte[] file = bytes("signed-by-minisign.txt");
        MinisignSignature signature = MinisignSignature.parse(text("signed-by-minisign.txt.minisig"));

        verify(signature, file);
        assertThat(signature.trustedComment()).endsWith("\tfile:signed-by-minisign.txt\thashed");
        file[0] ^= 1;
        assertThatThrownBy(() -> verify(signature, file))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("does not match the file");
    }

    @Test
    void aLegacySignatureOfMinisignVerifiesAndAOneByteChangeDoesNot() {
        byte[] file = bytes("legacy-signed-by-minisign.txt");
        MinisignSignature signature = MinisignSignature.parse(text("legacy-signed-by-minisign.txt.minisig"));

        verify(signature, file);
        file[file.length - 1] ^= 1;
        assertThatThrownBy(() -> verify(signature, file)).hasMessageContaining("does not match the file");
    }

    @Test
    void anAlteredTrustedCommentBreaksTheGlobalSignature() {
        String altered = text("signed-by-minisign.txt.minisig").replace("file:signed-by", "file:signed_by");

        assertThatThrownBy(() -> verify(MinisignSignature.parse(altered), bytes("signed-by-minisign.txt")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("global signature does not match its trusted comment");
    }

    @Test
    void anotherKeyIsRefusedByItsIdBeforeTheFileIsRead() {
        MinisignSignature signature = MinisignSignature.parse(text("signed-by-minisign.txt.minisig"));
        MinisignPublicKey other = MinisignPublicKey.parse(new TestMinisign(0x1122334455667788L).publicKey());

        assertThatThrownBy(() -> signature.verifier(other))
                .isInstanceOf(VerificationException.class)
                .hasMessage("it was made with the key 75A007E75F1CAA7D, but the trusted key is 1122334455667788");
    }

    @Test
    void whatIsNotASignatureOrAKeySaysSo() {
        assertThatThrownBy(() -> MinisignSignature.parse("hello\n"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("it is not a minisign signature");
        assertThatThrownBy(() -> MinisignPublicKey.parse("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a minisign public key");
    }

    private static void verify(MinisignSignature signature, byte[] file) {
        MinisignSignature.Verification verification = signature.verifier(MINISIGN_KEY);
        verification.update(file, 0, file.length);
        verification.verify();
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = MinisignInteropTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
