package dev.gomvn.plugin;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.signing.SigningKey;
import dev.gomvn.image.ImageReference;
import dev.gomvn.image.ImageSigner;
import dev.gomvn.image.ImageStatement;
import dev.gomvn.image.RegistryAccess;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What go:image-push does with a signing key once the image is pushed: signs the index digest, attests go:build's
 * provenance (its predicate, with the image as subject) when go:build wrote one, and leaves the public key beside the
 * image for those who verify ({@code cosign verify --key <image directory>/cosign.pub <image>@<digest>}).
 */
final class ImageSigning {
    private ImageSigning() {}

    static void signPushed(
            SigningKey key,
            ImageReference target,
            String digest,
            Path provenance,
            Path imageDirectory,
            RegistryAccess access,
            GoLog log) {
        ImageSigner signer = new ImageSigner(key, log);
        signer.sign(target, digest, access);
        if (Files.isRegularFile(provenance)) {
            signer.attest(target, digest, ImageStatement.of(provenance, target, digest), access);
        } else {
            log.info("No provenance attested to the image: " + provenance + " does not exist (go:build writes it).");
        }
        Path publicKey = key.writePublicKey(imageDirectory);
        log.info("Verify with cosign verify --key " + publicKey + " --insecure-ignore-tlog=true " + target.name() + "@"
                + digest);
    }
}
