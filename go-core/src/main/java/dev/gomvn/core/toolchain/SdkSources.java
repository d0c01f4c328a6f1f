package dev.gomvn.core.toolchain;

import dev.gomvn.core.ConfigurationException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a Go SDK that must be installed comes from.
 *
 * @param mode {@code go.source}
 * @param goProxy {@code go.proxy}: a GOPROXY list, or null to use the effective GOPROXY
 * @param sumDb {@code go.sumdb}: a GOSUMDB value, or null to use the effective GOSUMDB
 * @param artifact {@code go.sdkArtifact}: an SDK archive resolved by the build tool, or null
 */
public record SdkSources(Mode mode, String goProxy, String sumDb, SdkArtifact artifact) {

    public enum Mode {
        /** {@code go.downloadRoot}; the module proxy when the download root cannot be reached. */
        AUTO,
        /** Only {@code go.downloadRoot}. */
        DOWNLOAD,
        /** Only the Go module proxy, verified against the checksum database. */
        PROXY
    }

    /** An SDK archive that the build tool resolves (e.g. from a Maven repository) when it is needed. */
    public interface SdkArtifact {
        /** What the user configured, e.g. {@code com.example.go:go-sdk:1.22.5:tar.gz:linux-amd64}. */
        String coordinates();

        /** The Go version the artifact holds, e.g. {@code 1.22.5}. */
        String goVersion();

        /** The archive file, resolved now; the file name need not follow go.dev's naming. */
        Path resolve();

        /** {@code tar.gz} or {@code zip}. */
        String extension();
    }

    public static SdkSources defaults() {
        return new SdkSources(Mode.AUTO, null, null, null);
    }

    public static SdkSources of(String mode, String goProxy, String sumDb, SdkArtifact artifact) {
        return new SdkSources(parseMode(mode), blankToNull(goProxy), blankToNull(sumDb), artifact);
    }

    private static Mode parseMode(String text) {
        if (text == null || text.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "go.source",
                    "<source> (go.source) is '" + text
                            + "'; use auto (go.downloadRoot, then the module proxy if that cannot be reached), download or proxy.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
