package dev.gomvn.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobSignatureTest {
    @TempDir
    Path temp;

    @Test
    void theSignatureIsCosignsBase64OfTheDerSignatureOverTheFileInFileDotSig() throws Exception {
        Path sums = temp.resolve("SHA256SUMS");
        Files.writeString(sums, "0123  app-linux-amd64\n");
        SigningKey key = SigningKeyTest.keyFile("pkcs8.pem", Optional.empty()).load();

        Path written = BlobSignature.signBeside(key, sums);

        assertThat(written).isEqualTo(temp.resolve("SHA256SUMS.sig"));
        String text = Files.readString(written, StandardCharsets.US_ASCII);
        assertThat(text).matches("[A-Za-z0-9+/]+=*"); // one line, no line break, as cosign writes it
        byte[] der = Base64.getDecoder().decode(text);
        assertThat(der[0]).isEqualTo((byte) 0x30); // an ASN.1 SEQUENCE of r and s
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(SigningKeyTest.publicKey());
        verifier.update(Files.readAllBytes(sums));
        assertThat(verifier.verify(der)).isTrue();
    }
}
