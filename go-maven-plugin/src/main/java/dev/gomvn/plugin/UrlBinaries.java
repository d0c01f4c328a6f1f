package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.compare.ChecksumList;
import dev.gomvn.core.net.HttpTransport;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.TransportRequest;
import dev.gomvn.core.net.UrlLogin;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <publishedChecksums>}: a checksum list at an http(s) or file: URL, such as a release page's SHA256SUMS, with
 * the binaries it names beside it (names are relative to the list, as for {@code sha256sum -c}). Downloads go through
 * settings.xml proxies and honour {@code -o}.
 */
final class UrlBinaries implements PublishedBinaries {
    static final String PARAMETER = "<publishedChecksums> (go.compare.checksums)";

    private final URI list;
    private final HttpTransport transport;
    private final Path downloads;

    /** @param downloads where the published binaries are downloaded to */
    UrlBinaries(String url, NetworkSettings settings, GoLog log, Path downloads) {
        this.list = uri(url);
        this.transport = new HttpTransport(settings, log, PARAMETER);
        this.downloads = downloads;
    }

    @Override
    public String describe() {
        return UrlLogin.redact(list.toString());
    }

    @Override
    public Optional<ChecksumList> checksumList() {
        return fetch(list).map(bytes -> ChecksumList.parse(describe(), new String(bytes, StandardCharsets.UTF_8)));
    }

    @Override
    public Path binary(ChecksumList checksums, ChecksumList.Entry entry) {
        URI location = list.resolve(entry.name());
        byte[] bytes = fetch(location)
                .orElseThrow(() -> new ConfigurationException(
                        "go.compare.checksums",
                        "The published checksum list " + describe() + " names " + entry.name() + ", but "
                                + UrlLogin.redact(location.toString()) + " does not exist: publish the binaries beside"
                                + " the list, or point " + PARAMETER
                                + " at the list the binaries were published with."));
        Path file = downloads.resolve(entry.name().substring(entry.name().lastIndexOf('/') + 1));
        try {
            Files.createDirectories(downloads);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + file + ": " + e.getMessage(), e);
        }
        entry.verify(file, UrlLogin.redact(location.toString()), checksums);
        return file;
    }

    /** The file's bytes; empty when there is no such file (HTTP 404). */
    private Optional<byte[]> fetch(URI uri) {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            try {
                return Optional.of(Files.readAllBytes(Path.of(uri)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new EnvironmentException("Could not read " + uri + ": " + e.getMessage(), e);
            }
        }
        try {
            return transport.execute(TransportRequest.get(uri), response -> {
                if (response.status() == 404) {
                    return Optional.empty();
                }
                if (response.status() != 200) {
                    throw new EnvironmentException(UrlLogin.redact(uri.toString()) + " answered HTTP "
                            + response.status() + ". Check " + PARAMETER + " and the proxy in settings.xml.");
                }
                return Optional.of(response.bytes());
            });
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not download " + UrlLogin.redact(uri.toString()) + ": " + e.getMessage(), e);
        }
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file")) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with what is accepted.
        }
        throw new ConfigurationException(
                "go.compare.checksums",
                PARAMETER + " is '" + UrlLogin.redact(url) + "'; give the http(s) or file: URL of a checksum list in"
                        + " sha256sum format, e.g. https://example.com/releases/1.0/SHA256SUMS.");
    }
}
