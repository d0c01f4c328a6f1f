package dev.gomvn.plugin;

import dev.gomvn.core.Sha256;
import dev.gomvn.core.gobuild.BuiltBinary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which files {@code go:build} attaches to the project, with which type and classifier, so that
 * install and deploy publish every binary: classifier {@code <goos>-<goarch>[-<variant>]}, prefixed
 * with the binary's name when several packages are built (their classifiers would clash otherwise).
 * With the {@code go} packaging the main artifact is the published checksum list (there is no jar);
 * with any other packaging it is attached with classifier {@code sha256sums}. Each binary's CycloneDX SBOM is
 * attached beside it as type {@code json} with the binary's classifier and {@code -cyclonedx}
 * ({@code linux-amd64-cyclonedx}): cyclonedx-maven-plugin publishes a project's SBOM as classifier
 * {@code cyclonedx}, type {@code json}, and tools that look for that suffix find these too.
 *
 * <p>The published checksum list names each binary as the repository does,
 * {@code <artifactId>-<version>-<classifier>.<type>}, not by its path in the output directory, so that
 * {@code sha256sum -c} works in a directory of downloaded artifacts. The provenance statement, when there is one, is
 * attached as {@link ProvenanceAttachment} says and listed too.
 *
 * @param checksumList the published checksum list, whether main artifact or attachment
 */
record BinaryAttachments(List<Attachment> attachments, Optional<Path> mainArtifact, Path checksumList) {

    /** The go packaging's artifact handler gives the main artifact this extension (plexus/components.xml). */

    /**
     * One attached file: {@code projectHelper.attachArtifact(project, type, classifier, file)}.
     *
     * @param sha256 the binary's digest; null for the checksum list itself
     */
    record Attachment(String type, String classifier, Path file, String sha256) {

        /** The file name Maven gives it in a repository (types bin, exe, wasm have that extension). */
        String publishedName(String artifactId, String version) {
            return artifactId + "-" + version + "-" + classifier + "." + type;
        }
    }

    /** @param provenance the provenance statement to attach; empty when {@code <provenance>} is off */
    static BinaryAttachments plan(
            List<BuiltBinary> binaries,
            int packageCount,
            Path publishedSha256Sums,
            Optional<Path> provenance,
            String packaging) {
        List<Attachment> attachments = new ArrayList<>();
        for (BuiltBinary binary : binaries) {
            String classifier = packageCount > 1
                    ? baseName(binary) + "-" + binary.target().classifier()
                    : binary.target().classifier();
            attachments.add(new Attachment(type(binary), classifier, binary.file(), binary.sha256()));
            binary.sbom()
                    .ifPresent(sbom -> attachments.add(
                            new Attachment("json", classifier + "-cyclonedx", sbom.file(), sbom.sha256())));
        }
        provenance.ifPresent(file -> attachments.add(
                new Attachment(ProvenanceAttachment.TYPE, ProvenanceAttachment.CLASSIFIER, file, null)));
        if ("go".equals(packaging)) {
            return new BinaryAttachments(
                    List.copyOf(attachments), Optional.of(publishedSha256Sums), publishedSha256Sums);
        }
        attachments.add(new Attachment("txt", "sha256sums", publishedSha256Sums, null));
        return new BinaryAttachments(List.copyOf(attachments), Optional.empty(), publishedSha256Sums);
    }

    /** Each attached binary's and SBOM's repository name and digest: what go build made. */
    Map<String, String> builtSha256(String artifactId, String version) {
        Map<String, String> sha256ByName = new LinkedHashMap<>();
        attachments.stream()
                .filter(attachment -> attachment.sha256() != null)
                .forEach(attachment ->
                        sha256ByName.put(attachment.publishedName(artifactId, version), attachment.sha256()));
        return sha256ByName;
    }

    /**
     * The lines of the published checksum list: every attached file but the list itself, by repository name and digest;
     * the provenance statement's digest is read from the file, written by then.
     */
    Map<String, String> publishedSha256(String artifactId, String version) {
        Map<String, String> sha256ByName = new LinkedHashMap<>();
        attachments.stream()
                .filter(attachment -> !attachment.file().equals(checksumList))
                .forEach(attachment -> sha256ByName.put(
                        attachment.publishedName(artifactId, version),
                        attachment.sha256() != null ? attachment.sha256() : Sha256.of(attachment.file())));
        return sha256ByName;
    }

    private static String baseName(BuiltBinary binary) {
        String name = binary.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && (name.endsWith(".exe") || name.endsWith(".wasm")) ? name.substring(0, dot) : name;
    }

    private static String type(BuiltBinary binary) {
        String name = binary.file().getFileName().toString();
        if (name.endsWith(".exe")) {
            return "exe";
        }
        return name.endsWith(".wasm") ? "wasm" : "bin";
    }
}
