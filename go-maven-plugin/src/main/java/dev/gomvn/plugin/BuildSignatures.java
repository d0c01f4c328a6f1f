package dev.gomvn.plugin;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.signing.BlobSignature;
import dev.gomvn.core.signing.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * What go:build signs with a key ({@link SigningKeys}), each file as {@code cosign sign-blob --key} would
 * ({@link BlobSignature}: {@code <file>.sig} beside it): SHA256SUMS in the output directory, and, when it attaches,
 * the published checksum list and the provenance. The list names every binary, SBOM and the provenance by digest, so
 * its signature covers them all; the provenance is signed too because admission tools read it on its own.
 *
 * <p>The published signatures are attached as maven-gpg-plugin attaches its {@code .asc} files: the signed
 * artifact's type (its extension) with {@code .sig} and its classifier, so each lands beside its file in the
 * repository ({@code <artifactId>-<version>-provenance.intoto.json.sig}). They are not in the checksum list: it is
 * signed itself. The public key is written to {@value SigningKey#PUBLIC_KEY_FILE} beside the binaries, for those who verify.
 */
final class BuildSignatures {
    private BuildSignatures() {}

    /**
     * Signs SHA256SUMS and writes the public key beside it. No signature goes to a transparency log (keyless signing
     * would), hence {@code --insecure-ignore-tlog} in the command the log suggests.
     */
    static void signSha256Sums(SigningKey key, Path sha256Sums, GoLog log) {
        Path signature = BlobSignature.signBeside(key, sha256Sums);
        Path publicKey = key.writePublicKey(sha256Sums.getParent());
        log.info("Signed " + sha256Sums + " with " + key + "; verify in " + sha256Sums.getParent() + " with cosign "
                + "verify-blob --key " + publicKey.getFileName() + " --signature " + signature.getFileName()
                + " --insecure-ignore-tlog=true " + sha256Sums.getFileName());
    }

    /**
     * Without a key: deletes the signatures an earlier signed build left beside {@code signedFiles} (and the public key
     * beside the first), which this build rewrote, so no signature stands beside a file it does not sign.
     */
    static void removeStale(List<Path> signedFiles) {
        List<Path> stale = new ArrayList<>();
        signedFiles.forEach(file -> stale.add(file.resolveSibling(file.getFileName() + BlobSignature.SUFFIX)));
        stale.add(signedFiles.get(0).resolveSibling(SigningKey.PUBLIC_KEY_FILE));
        for (Path file : stale) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new EnvironmentException(
                        "Could not delete " + file + ", a signature of an earlier build that this one does not "
                                + "sign; delete it (mvn clean): " + e.getMessage(),
                        e);
            }
        }
    }

    /** Signs the published checksum list and the provenance among {@code plan}'s files and attaches the signatures. */
    static void signAndAttachPublished(
            SigningKey key, BinaryAttachments plan, MavenProject project, MavenProjectHelper projectHelper, GoLog log) {
        List<String> signed = new ArrayList<>();
        for (BinaryAttachments.Attachment attachment : plan.attachments()) {
            boolean provenance = attachment.type().equals(ProvenanceAttachment.TYPE);
            if (provenance || attachment.file().equals(plan.checksumList())) {
                Path signature = BlobSignature.signBeside(key, attachment.file());
                projectHelper.attachArtifact(
                        project, attachment.type() + BlobSignature.SUFFIX, attachment.classifier(), signature.toFile());
                signed.add(
                        attachment.publishedName(project.getArtifactId(), project.getVersion()) + BlobSignature.SUFFIX);
            }
        }
        plan.mainArtifact().ifPresent(list -> {
            String extension = project.getArtifact().getArtifactHandler().getExtension();
            Path signature = BlobSignature.signBeside(key, list);
            projectHelper.attachArtifact(project, extension + BlobSignature.SUFFIX, null, signature.toFile());
            signed.add(project.getArtifactId() + "-" + project.getVersion() + "." + extension + BlobSignature.SUFFIX);
        });
        log.info("Signed the published checksum list" + (signed.size() > 1 ? " and the provenance" : "") + " with "
                + key + ", attached as " + String.join(", ", signed));
    }
}
