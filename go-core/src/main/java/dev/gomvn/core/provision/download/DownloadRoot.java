package dev.gomvn.core.provision.download;

import dev.gomvn.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** {@code go.downloadRoot}: a base URL (http, https or file:) holding files named as on go.dev/dl. */
public final class DownloadRoot {
    private final URI base;

    private DownloadRoot(URI base) {
        this.base = base;
    }

    public static DownloadRoot parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed : trimmed + "/");
        } catch (URISyntaxException e) {
            if (trimmed.matches("(?i)file:.*")) {
                // file:C:\mirror\ and paths with spaces are common on Windows; take them as paths.
                return new DownloadRoot(directoryUri(Path.of(trimmed.substring(5))));
            }
            throw invalid(trimmed, "it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                if (uri.getHost() == null) {
                    throw invalid(trimmed, "it names no host");
                }
                return new DownloadRoot(uri);
            case "file":
                return new DownloadRoot(
                        directoryUri(Path.of(uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath())));
            default:
                throw invalid(trimmed, "only http, https and file: are supported");
        }
    }

    /** With a trailing slash even when the directory does not exist yet, so that resolve() appends. */
    private static URI directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    private static ConfigurationException invalid(String text, String reason) {
        return new ConfigurationException(
                "go.downloadRoot",
                "<downloadRoot> (go.downloadRoot) '" + text + "' is not usable: " + reason
                        + ". Use https://go.dev/dl/, a mirror such as https://mirror.example.com/golang/, or file:/path/to/mirror/.");
    }

    public boolean isHttp() {
        return base.getScheme().startsWith("http");
    }

    public URI archiveUri(String archiveName) {
        return base.resolve(archiveName);
    }

    public URI sidecarUri(String archiveName) {
        return base.resolve(archiveName + ".sha256");
    }

    /** go.dev's JSON list of every release and file with its SHA-256. */
    public URI indexUri() {
        return URI.create(base + "?mode=json&include=all");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
