package dev.gomvn.core.provision.install;

import java.nio.file.Path;

/**
 * Decides whether a downloaded archive may be extracted, before a single entry is read: a SHA-256
 * from a trusted index, or a module hash proven by the checksum database. Throws a
 * {@code VerificationException} when it may not.
 */
@FunctionalInterface
public interface ArchiveVerifier {
    VerifiedArchive verify(Path archive);

    /**
     * What the install marker records about a verified archive.
     *
     * @param sha256 the archive's SHA-256, hex
     * @param digestSource what vouched for it, e.g. {@code https://go.dev/dl/?mode=json}
     */
    record VerifiedArchive(String sha256, String digestSource) {}
}
