package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.signing.SigningKey;
import dev.gomvn.image.ImagePusher;
import dev.gomvn.image.ImageReference;
import dev.gomvn.image.ImageReferrers;
import dev.gomvn.image.ImageSummary;
import dev.gomvn.image.OciLayout;
import dev.gomvn.image.RegistryAccess;
import dev.gomvn.image.TargetBinaries;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pushes the image go:image wrote to &lt;image&gt; with &lt;tags&gt;: only blobs the registry lacks are uploaded
 * (base layers it holds elsewhere are mounted), the tags are written last. Then go:build's SBOMs and provenance are
 * attached as OCI referrers ({@link ImageReferrers}) and, with a key, the index is signed and the provenance attested
 * ({@link ImageSigning}). Bound to deploy; {@code mvn package go:image-push} pushes without deploying.
 */
@Mojo(name = "image-push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ImagePushMojo extends AbstractImageMojo {

    /** The most blob checks, mounts and uploads at once, as crane's --jobs. */
    @Parameter(property = "go.image.jobs", defaultValue = "4")
    int jobs;

    /** The PEM file of the ECDSA P-256 key that signs the pushed image, as cosign sign --key would (optional). */
    @Parameter(property = "go.signing.key")
    File signingKey;

    /** A settings.xml &lt;server&gt; whose &lt;privateKey&gt; is the signing key's PEM file, &lt;passphrase&gt; its passphrase. */
    @Parameter(property = "go.signing.serverId")
    String signingKeyServerId;

    /**
     * Attach go:build's provenance (to the index) and each binary's CycloneDX SBOM (to its platform's manifest) to the
     * pushed image as OCI 1.1 referrers, which need no key; with a key the provenance is also attested as cosign does.
     */
    @Parameter(property = "go.image.referrers", defaultValue = "true")
    boolean referrers;

    /** Where go:build wrote the binaries, their SBOMs and the provenance. */
    @Parameter(property = "go.outputDirectory", defaultValue = "${project.build.directory}/go/bin")
    File outputDirectory;

    @Override
    void run() {
        long started = System.nanoTime();
        ImageReference target = imageReference()
                .orElseThrow(
                        () -> new ConfigurationException(
                                "go.image",
                                "go:image-push needs <image> (go.image): the registry/repository to push to, e.g. ghcr.io/acme/operator."));
        if (session.isOffline()) {
            throw new EnvironmentException("Maven runs offline (-o), so go:image-push cannot push to "
                    + target.registry() + "; run it without -o (go:image alone works offline).");
        }
        OciLayout layout = OciLayout.open(
                imageDirectory().resolve("layout"), "run go:image first (mvn package runs it when it is configured).");
        if (jobs < 1) {
            throw new ConfigurationException(
                    "go.image.jobs",
                    "<jobs> (go.image.jobs) is " + jobs + "; give the blob transfers at once, e.g. 4.");
        }
        List<String> tagList = tagList();
        // Before the push: a key that cannot be read must not leave an image pushed but unsigned.
        Optional<SigningKey> signing =
                SigningKeys.resolve(signingKey, signingKeyServerId, session, settingsDecrypter, goLog(), "the image");
        RegistryAccess access = registryAccess();
        ImagePusher.PushResult result = new ImagePusher(goLog(), jobs).push(layout, target, tagList, access);
        ImageSummary.write(
                imageDirectory(),
                result.digest(),
                Optional.of(target),
                tagList,
                ImageSummary.platformsOf(layout),
                true);
        Path provenance = outputDirectory.toPath().resolve(ProvenanceAttachment.FILE_NAME);
        if (referrers) {
            List<TargetBinaries> binaries =
                    Files.isRegularFile(outputDirectory.toPath().resolve("SHA256SUMS"))
                            ? TargetBinaries.read(outputDirectory.toPath())
                            : List.of();
            new ImageReferrers(target, access, goLog())
                    .attach(result.digest(), ImageReferrers.of(layout, result.digest(), binaries, provenance, target));
        }
        signing.ifPresent(key ->
                ImageSigning.signPushed(key, target, result.digest(), provenance, imageDirectory(), access, goLog()));
        getLog().info("Image " + target.name() + "@" + result.digest() + " [go:image-push "
                + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)) + "]");
    }
}
