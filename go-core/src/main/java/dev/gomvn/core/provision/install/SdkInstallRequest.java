package dev.gomvn.core.provision.install;

import dev.gomvn.core.Platform;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What to install and how to get it.
 *
 * @param version        {@code go1.22.5}
 * @param expectedSha256 the digest the archive must have, from a trusted source
 * @param fetcher        downloads the archive into the path it is given
 * @param validator      checks the extracted SDK (runs bin/go version) and throws if it is wrong
 */
public record SdkInstallRequest(String version, Platform platform, String archiveName, String expectedSha256,
        String digestSource, ArchiveFetcher fetcher, SdkValidator validator) {

    @FunctionalInterface
    public interface ArchiveFetcher {
        void fetch(Path temporaryArchive) throws IOException;
    }

    @FunctionalInterface
    public interface SdkValidator {
        void validate(Path sdkHome);
    }
}
