package dev.gomvn.core.provision.install;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import java.util.Objects;

/**
 * What to install and how to trust it.
 *
 * @param goVersion the version with its prefix, e.g. {@code go1.22.5}
 * @param platform the platform the SDK runs on
 * @param archiveName the file name of the archive, e.g. {@code go1.22.5.linux-amd64.tar.gz}; its
 *     extension decides how it is extracted
 * @param layout where the distribution sits inside the archive
 * @param verifier checks the downloaded archive before anything is extracted
 * @param fetcher downloads the archive
 * @param validator checks the extracted SDK before it is published
 * @param compression how a tarball's entries are read; an archive named {@code .zip} is read as a zip
 */
public record SdkInstallRequest(
        String goVersion,
        Platform platform,
        String archiveName,
        ArchiveLayout layout,
        ArchiveVerifier verifier,
        ArchiveFetcher fetcher,
        SdkValidator validator,
        TarCompression compression) {

    /** A {@code .tar.gz} or {@code .zip} archive, as Go and envtest publish them. */
    public SdkInstallRequest(
            String goVersion,
            Platform platform,
            String archiveName,
            ArchiveLayout layout,
            ArchiveVerifier verifier,
            ArchiveFetcher fetcher,
            SdkValidator validator) {
        this(goVersion, platform, archiveName, layout, verifier, fetcher, validator, TarCompression.GZIP);
    }

    /** A go.dev-style archive that must have the SHA-256 {@code expectedSha256} from {@code digestSource}. */
    public SdkInstallRequest(
            String goVersion,
            Platform platform,
            String archiveName,
            String expectedSha256,
            String digestSource,
            ArchiveFetcher fetcher,
            SdkValidator validator) {
        this(
                goVersion,
                platform,
                archiveName,
                ArchiveLayout.GO_DISTRIBUTION,
                new ExpectedSha256(expectedSha256, Objects.requireNonNull(digestSource, "digestSource"), archiveName),
                fetcher,
                validator);
    }

    public SdkInstallRequest {
        Objects.requireNonNull(goVersion, "goVersion");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(archiveName, "archiveName");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(compression, "compression");
        if (archiveName.contains("/") || archiveName.contains("\\") || archiveName.startsWith(".")) {
            throw new ConfigurationException(
                    null,
                    "The archive name '" + archiveName
                            + "' is not a plain file name like go1.22.5.linux-amd64.tar.gz; name the file, not a path.");
        }
    }
}
