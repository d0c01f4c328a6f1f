package dev.gomvn.core.provision.install;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to install and how to trust it.
 *
 * @param goVersion the version with its prefix, e.g. {@code go1.22.5}
 * @param platform the platform the SDK runs on
 * @param archiveName the file name of the archive, e.g. {@code go1.22.5.linux-amd64.tar.gz}; its
 *     extension decides how it is extracted
 * @param expectedSha256 the hex SHA-256 the archive must have
 * @param digestSource where the expected digest came from, for messages and the marker, e.g.
 *     {@code https://go.dev/dl/?mode=json} or {@code <goSha256> in pom.xml}
 * @param fetcher downloads the archive
 * @param validator checks the extracted SDK before it is published
 */
public record SdkInstallRequest(
        String goVersion,
        Platform platform,
        String archiveName,
        String expectedSha256,
        String digestSource,
        ArchiveFetcher fetcher,
        SdkValidator validator) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SdkInstallRequest {
        Objects.requireNonNull(goVersion, "goVersion");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(archiveName, "archiveName");
        Objects.requireNonNull(digestSource, "digestSource");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(validator, "validator");
        if (archiveName.contains("/") || archiveName.contains("\\") || archiveName.startsWith(".")) {
            throw new ConfigurationException(null, "The archive name '" + archiveName
                    + "' is not a plain file name like go1.22.5.linux-amd64.tar.gz; name the file, not a path.");
        }
        expectedSha256 = normalizedSha256(expectedSha256, archiveName, digestSource);
    }

    private static String normalizedSha256(String sha256, String archiveName, String digestSource) {
        String normalized = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(normalized).matches()) {
            throw new ConfigurationException(null, "The expected SHA-256 of " + archiveName + " from " + digestSource
                    + " is '" + sha256 + "', which is not 64 hexadecimal digits; correct it there.");
        }
        return normalized;
    }
}
