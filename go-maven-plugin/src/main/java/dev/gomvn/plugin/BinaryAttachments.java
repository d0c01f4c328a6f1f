package dev.gomvn.plugin;

import dev.gomvn.core.gobuild.BuiltBinary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which files {@code go:build} attaches to the project, with which type and classifier, so that
 * install and deploy publish every binary: classifier {@code <goos>-<goarch>[-<variant>]}, prefixed
 * with the binary's name when several packages are built (their classifiers would clash otherwise).
 * With the {@code go} packaging the main artifact is SHA256SUMS (there is no jar); with any other
 * packaging SHA256SUMS is attached with classifier {@code sha256sums}.
 */
record BinaryAttachments(List<Attachment> attachments, Optional<Path> mainArtifact) {

    /** One attached file: {@code projectHelper.attachArtifact(project, type, classifier, file)}. */
    record Attachment(String type, String classifier, Path file) {}

    static BinaryAttachments plan(List<BuiltBinary> binaries, int packageCount, Path sha256Sums, String packaging) {
        List<Attachment> attachments = new ArrayList<>();
        for (BuiltBinary binary : binaries) {
            String classifier = packageCount > 1
                    ? baseName(binary) + "-" + binary.target().classifier()
                    : binary.target().classifier();
            attachments.add(new Attachment(type(binary), classifier, binary.file()));
        }
        if ("go".equals(packaging)) {
            return new BinaryAttachments(List.copyOf(attachments), Optional.of(sha256Sums));
        }
        attachments.add(new Attachment("txt", "sha256sums", sha256Sums));
        return new BinaryAttachments(List.copyOf(attachments), Optional.empty());
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
