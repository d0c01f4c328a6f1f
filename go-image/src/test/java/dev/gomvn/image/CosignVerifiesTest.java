package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.assemble;
import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.gomvn.core.signing.BlobSignature;
import dev.gomvn.core.signing.SigningKey;
import dev.gomvn.core.signing.SigningKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats as the real cosign v2.6.5 (src/it/servers/cosign, built by provision.sh) checks them, against the
 * distribution registry on 127.0.0.1: verify-blob, verify and verify-attestation with the public key, and a signature
 * cosign made itself that gomvn's signing keeps. No transparency log exists here, hence --insecure-ignore-tlog.
 */
@Tag("nightly")
class CosignVerifiesTest {
    /** A minimal SLSA v1 provenance statement, as go:build's provenance.intoto.json is one. */
    static final String SLSA = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"app\","
            + "\"digest\":{\"sha256\":\"" + "ab".repeat(32)
            + "\"}}],\"predicateType\":\"https://slsa.dev/provenance/v1\","
            + "\"predicate\":{\"buildDefinition\":{\"buildType\":\"https://gomvn.dev/go-build/v1\","
            + "\"externalParameters\":{\"targets\":[\"linux/amd64\"]},\"resolvedDependencies\":[]},"
            + "\"runDetails\":{\"builder\":{\"id\":\"https://gomvn.dev/builder\"}}}}";

    @TempDir
    Path temp;

    private SigningKey key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        Path pem = temp.resolve("signing-key.pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n");
        SigningKey key = new SigningKeyFile(pem, "go.signing.key", "<signingKey>", Optional.empty(), "-").load();
        Files.writeString(temp.resolve("gomvn.pub"), key.publicKeyPem());
        return key;
    }

    /** cosign with its home and TUF cache in the test's directory, so nothing outside it is read or written. */
    private Result cosign(String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(TestRegistry.provision("cosign").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", temp.toString());
        builder.environment().put("TUF_ROOT", temp.resolve("tuf").toString());
        builder.environment().put("COSIGN_PASSWORD", "cosign-test");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    record Result(int exit, String output) {}

    private Result verifySha256Sums() throws IOException, InterruptedException {
        return cosign(
                "verify-blob",
                "--key",
                "gomvn.pub",
                "--signature",
                "SHA256SUMS.sig",
                "--insecure-ignore-tlog=true",
                "SHA256SUMS");
    }

    @Test
    void cosignVerifiesTheBlobSignatureAndRefusesAChangedFile() throws Exception {
        SigningKey key = key();
        Path sums = Files.writeString(temp.resolve("SHA256SUMS"), "ab  app-linux-amd64\n");
        BlobSignature.signBeside(key, sums);

        Result verified = verifySha256Sums();
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verified OK");

        Files.writeString(sums, "cd  app-linux-amd64\n");
        Result tampered = verifySha256Sums();
        assertThat(tampered.exit()).as(tampered.output()).isNotZero();
        assertThat(tampered.output()).contains("invalid signature");
    }

    @Test
    void cosignVerifiesTheImageSignatureAndAttestationAndGomvnKeepsCosignsOwnSignature() throws Exception {
        try (TestRegistry registry = TestRegistry.start(temp.resolve("registry"), false)) {
            ImageReference target = ImageReference.parse(registry.host + "/acme/app", "<image>", "go.image");
            AssembledImage image = assemble(
                    temp.resolve("build"), BaseImage.scratch(), settings(Optional.of(target)), "linux_amd64/app");
            RegistryAccess access = ImageTestSupport.access(
                    r -> new RegistryLogin(r, Optional.empty()), true, temp.resolve("cache"), false);
            String digest = new ImagePusher(new ImageTestSupport.Lines())
                    .push(OciLayout.open(image.layout(), "test"), target, List.of("1"), access)
                    .digest();
            String reference = target.name() + "@" + digest;
            // cosign signs first with a key of its own: gomvn must append to its signature image, not replace it.
            assertThat(cosign("generate-key-pair").exit()).isZero();
            Result cosignSigned = cosign("sign", "--key", "cosign.key", "--tlog-upload=false", "--yes", reference);
            assertThat(cosignSigned.exit()).as(cosignSigned.output()).isZero();

            SigningKey key = key();
            ImageTestSupport.Lines log = new ImageTestSupport.Lines();
            ImageSigner signer = new ImageSigner(key, log);
            signer.sign(target, digest, access);
            signer.sign(target, digest, access);
            Path provenance = Files.writeString(temp.resolve("provenance.intoto.json"), SLSA);
            ImageStatement statement = ImageStatement.of(provenance, target, digest);
            signer.attest(target, digest, statement, access);
            signer.attest(target, digest, statement, access);

            assertThat(log.lines).hasSize(4);
            assertThat(log.lines.get(1)).startsWith("Already signed " + reference);
            assertThat(log.lines.get(3)).startsWith("Already attested https://slsa.dev/provenance/v1 to " + reference);
            JsonObject signatures = OciJson.parse(
                    registry.get("/v2/acme/app/manifests/" + CosignAttachment.tag(digest, "sig"), MediaTypes.MANIFEST)
                            .body(),
                    "sig");
            assertThat(signatures.getAsJsonArray("layers")).hasSize(2); // cosign's and gomvn's, once
            for (String publicKey : List.of("gomvn.pub", "cosign.pub")) {
                Result verified = cosign("verify", "--key", publicKey, "--insecure-ignore-tlog=true", reference);
                assertThat(verified.exit()).as(verified.output()).isZero();
            }
            Result attested = cosign(
                    "verify-attestation",
                    "--key",
                    "gomvn.pub",
                    "--type",
                    "slsaprovenance1",
                    "--insecure-ignore-tlog=true",
                    reference);
            assertThat(attested.exit()).as(attested.output()).isZero();
            assertThat(attested.output()).contains("The signatures were verified against the specified public key");
        }
    }
}
