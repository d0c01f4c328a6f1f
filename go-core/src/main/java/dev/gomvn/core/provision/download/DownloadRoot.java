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
        return parse(
                text,
                "<downloadRoot> (go.downloadRoot)",
                "go.downloadRoot",
                "https://go.dev/dl/, a mirror such as https://mirror.example.com/golang/, or file:/path/to/mirror/");
    }

    /**
     * A download root set by another parameter than go.downloadRoot.
     *
     * @param label the parameter as messages name it, e.g. {@code <envtest><downloadRoot>}
     * @param key the parameter's key for {@link ConfigurationException#parameter()}
     * @param examples usable values, for the message about an unusable one
     */
    public static DownloadRoot parse(String text, String label, String key, String examples) {
        String trimmed = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed : trimmed + "/");
        } catch (URISyntaxException e) {
            if (trimmed.matches("(?i)file:.*")) {
                // file:C:\mirror\ and paths with spaces are common on Windows; take them as paths.
                return new DownloadRoot(directoryUri(Path.of(trimmed.substring(5))));
            }
            throw invalid(trimmed, "it is not a valid URL (" + e.getReason() + ")", label, key, examples);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                if (uri.getHost() == null) {
                    throw invalid(trimmed, "it names no host", label, key, examples);
                }
                return new DownloadRoot(uri);
            case "file":
                return new DownloadRoot(
                        directoryUri(Path.of(uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath())));
            default:
                throw invalid(trimmed, "only http, https and file: are supported", label, key, examples);
        }
    }

    /** With a trailing slash even when the directory does not exist yet, so that resolve() appends. */
    private static URI directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    private static ConfigurationException invalid(
            String text, String reason, String label, String key, String examples) {
        return new ConfigurationException(
                key, label + " '" + text + "' is not usable: " + reason + ". Use " + examples + ".");
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
