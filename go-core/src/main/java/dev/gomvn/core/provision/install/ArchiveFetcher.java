package dev.gomvn.core.provision.install;

import java.io.IOException;
import java.nio.file.Path;

/** Downloads the SDK archive; the network side plugs in here so installing never talks HTTP itself. */
@FunctionalInterface
public interface ArchiveFetcher {
    /** Writes the whole archive into {@code tempArchive}, which exists and may be overwritten. */
    void fetch(Path tempArchive) throws IOException;
}
