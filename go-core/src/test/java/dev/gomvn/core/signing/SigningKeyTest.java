package dev.gomvn.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys made by OpenSSL 3.0 (and one by cosign 2.6.5's generate-key-pair), all test-only, in src/test/resources/signing:
 * one P-256 key as SEC1 (after an EC PARAMETERS block), PKCS#8, PKCS#8 encrypted by {@code openssl pkcs8 -topk8 -v2
 * aes-256-cbc} and by {@code openssl pkey -aes-256-cbc}, with passphrase {@code test-passphrase}; public.pem is
 * {@code openssl pkey -pubout} of it.
 */
class SigningKeyTest {
    static final String PASSPHRASE = "test-passphrase";

    static Path resource(String name) {
        try {
            return Path.of(SigningKeyTest.class.getResource("/signing/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static SigningKeyFile keyFile(String name, Optional<String> passphrase) {
        return new SigningKeyFile(
                resource(name),
                "go.signing.key",
                "<signingKey> (go.signing.key)",
                passphrase.map(String::toCharArray),
                "the environment variable GOMVN_SIGNING_PASSPHRASE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sec1.pem", "pkcs8.pem", "pkcs8-aes.pem", "pkey-aes.pem"})
    void everyFormOfTheKeyGivesOpenSslsPublicKeyAndSignaturesTheJdkVerifies(String name) throws Exception {
        SigningKey key = keyFile(name, Optional.of(PASSPHRASE)).load();

        assertThat(key.publicKeyPem()).isEqualTo(Files.readString(resource("public.pem")));
        byte[] content = "checksums\n".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey());
        verifier.update(content);
        assertThat(verifier.verify(key.sign(content))).isTrue();
        assertThat(key.verifies(content, key.sign(content))).isTrue();
        assertThat(key.verifies("other".getBytes(StandardCharsets.UTF_8), key.sign(content)))
                .isFalse();
        assertThat(key.toString()).startsWith("ECDSA P-256 key ").hasSize(32);
    }

    static PublicKey publicKey() throws Exception {
        String pem = Files.readString(resource("public.pem"));
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void aWrongPassphraseNamesTheParameterAndWhereThePassphraseCameFromButNotThePassphrase() {
        assertThatThrownBy(() ->
                        keyFile("pkcs8-aes.pem", Optional.of("wrong-s3cret")).load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<signingKey> (go.signing.key) names " + resource("pkcs8-aes.pem"))
                .hasMessageContaining("the passphrase is wrong")
                .hasMessageContaining("GOMVN_SIGNING_PASSPHRASE")
                .hasMessageNotContaining("wrong-s3cret")
                .extracting(e -> ((ConfigurationException) e).parameter())
                .isEqualTo("go.signing.key");
    }

    @Test
    void anEncryptedKeyWithoutPassphraseSaysWhereToGiveIt() {
        assertThatThrownBy(() -> keyFile("pkcs8-aes.pem", Optional.empty()).load())
                .hasMessageContaining("is encrypted, but no passphrase was given")
                .hasMessageContaining("give its passphrase in the environment variable GOMVN_SIGNING_PASSPHRASE");
    }

    @Test
    void aCosignKeyIsRefusedWithHowToMakeOneBothRead() {
        assertThatThrownBy(() -> keyFile("cosign.key", Optional.of(PASSPHRASE)).load())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cosign generate-key-pair")
                .hasMessageContaining("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256")
                .hasMessageContaining("cosign import-key-pair --key signing-key.pem")
                .hasMessageNotContaining(PASSPHRASE);
    }

    @Test
    void formatsTheJdkCannotDecryptNameTheOpenSslCommandThatConverts() {
        assertThatThrownBy(() -> keyFile("sec1-traditional-aes.pem", Optional.of(PASSPHRASE))
                        .load())
                .hasMessageContaining("OpenSSL's traditional encryption")
                .hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc");
        assertThatThrownBy(() ->
                        keyFile("pkcs8-scrypt.pem", Optional.of(PASSPHRASE)).load())
                .hasMessageContaining("encrypted in a way the JDK cannot read (scrypt")
                .hasMessageContaining("openssl pkcs8 -topk8 -v2 aes-256-cbc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa.pem", "p384.pem"})
    void keysCosignDoesNotSignWithAreRefused(String name) {
        assertThatThrownBy(() -> keyFile(name, Optional.empty()).load())
                .hasMessageContaining("is not an ECDSA P-256 private key");
    }

    @Test
    void aMissingFileAndAFileWithoutKeyNameTheParameter(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path missing = temp.resolve("missing.pem");
        assertThatThrownBy(() ->
                        new SigningKeyFile(missing, "go.signing.key", "<signingKey>", Optional.empty(), "x").load())
                .hasMessage("<signingKey> names " + missing + ", which does not exist; give the path of a PEM "
                        + "private key.");
        Path publicOnly = Files.copy(resource("public.pem"), temp.resolve("public.pem"));
        assertThatThrownBy(() ->
                        new SigningKeyFile(publicOnly, "go.signing.key", "<signingKey>", Optional.empty(), "x").load())
                .hasMessageContaining("holds no PEM private key")
                .hasMessageContaining("it has [PUBLIC KEY]");
    }

    @Test
    void thePassphraseComesFromTheEnvironmentOnlyWhenSetAndIsNeverInToString() {
        assertThat(SigningKeyFile.passphraseFrom(java.util.Map.of())).isEmpty();
        assertThat(SigningKeyFile.passphraseFrom(java.util.Map.of("GOMVN_SIGNING_PASSPHRASE", "")))
                .isEmpty();
        assertThat(SigningKeyFile.passphraseFrom(java.util.Map.of("GOMVN_SIGNING_PASSPHRASE", "s3cret")))
                .hasValueSatisfying(value -> assertThat(new String(value)).isEqualTo("s3cret"));
        assertThat(keyFile("pkcs8-aes.pem", Optional.of("s3cret")).toString())
                .endsWith("(with a passphrase)")
                .doesNotContain("s3cret");
    }
}
