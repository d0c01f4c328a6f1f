package dev.gomvn.core.provision.download;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.HttpTransport;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.RetryableException;
import dev.gomvn.core.net.TransportRequest;
import dev.gomvn.core.net.TransportResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Downloads SDK archives and small files over http(s) or from {@code file:} roots, through an {@link HttpTransport}
 * (proxies, timeouts, retries, redirects, offline mode). Bodies are streamed to disk (constant memory) and truncated
 * downloads resume with a Range request on the next attempt. The login of the download root travels to its origin
 * only. Passwords never appear in a log line or an exception message.
 */
public final class HttpDownloader {
    /** In place of the bytes already downloaded: ask for the first byte only, to learn that a file exists. */
    private static final long FIRST_BYTE_ONLY = -1;

    private static final String SDK_DOWNLOAD_ROOT = "<downloadRoot> (go.downloadRoot)";

    private final NetworkSettings settings;
    private final GoLog log;
    private final String parameter;
    private final HttpTransport transport;

    public HttpDownloader(NetworkSettings settings, GoLog log) {
        this(settings, log, SDK_DOWNLOAD_ROOT);
    }

    /**
     * @param parameter what names the URLs this downloader fetches, as its messages show it, e.g. {@code <database>
     *     (go.vulnDatabase)}: every message points the user at that, not at the SDK's download root
     */
    public HttpDownloader(NetworkSettings settings, GoLog log, String parameter) {
        this.settings = settings;
        this.log = log;
        this.parameter = parameter;
        this.transport = new HttpTransport(settings, log, parameter);
    }

    /** Downloads {@code source} to {@code target}; a partial file is never left at {@code target}. */
    public void download(URI source, Path target) {
        refuseWhenOffline(source);
        try {
            AtomicFiles.replace(target, partial -> {
                if ("file".equalsIgnoreCase(source.getScheme())) {
                    copyFile(source, partial);
                } else {
                    downloadWithRetries(source, partial);
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not write " + target + ": " + e.getMessage() + "; check free disk space.", e);
        }
    }

    /** A small text resource: the release index or a {@code .sha256} file. */
    public String fetchText(URI source) {
        return new String(fetchBytes(source), StandardCharsets.UTF_8);
    }

    /** A small resource, or empty when the server answers 404 or 410 (or the file: path does not exist). */
    public Optional<byte[]> fetchIfPresent(URI source) {
        try {
            return Optional.of(fetchBytes(source));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code source} is there, asking for its first byte only, so that a missing archive can be
     * told apart from a missing digest without downloading the archive. False on 404/410.
     */
    public boolean exists(URI source) {
        refuseWhenOffline(source);
        if ("file".equalsIgnoreCase(source.getScheme())) {
            return Files.isRegularFile(Path.of(source));
        }
        try {
            return transport.execute(request(source, FIRST_BYTE_ONLY), response -> {
                int status = response.status();
                if (status == 404 || status == 410) {
                    return false;
                }
                if (status == 200 || status == 206) {
                    return true;
                }
                throw failure(status, source);
            });
        } catch (IOException e) {
            throw new EnvironmentException("Could not reach " + source + ": " + e.getMessage(), e);
        }
    }

    private byte[] fetchBytes(URI source) {
        refuseWhenOffline(source);
        try {
            if ("file".equalsIgnoreCase(source.getScheme())) {
                Path file = Path.of(source);
                if (!Files.isRegularFile(file)) {
                    throw new ResourceNotFoundException(file + " does not exist.");
                }
                return Files.readAllBytes(file);
            }
            Path temporary = Files.createTempFile("gomvn-", ".download");
            try {
                downloadWithRetries(source, temporary);
                return Files.readAllBytes(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + source + ": " + e.getMessage(), e);
        }
    }

    private void refuseWhenOffline(URI source) {
        if (settings.offline() && !"file".equalsIgnoreCase(source.getScheme())) {
            throw new EnvironmentException("Maven runs offline (-o), so " + source + " cannot be downloaded; run once "
                    + "online to fill the cache, or set <goRoot> (go.root) to an installed Go.");
        }
    }

    private void copyFile(URI source, Path partial) throws IOException {
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new ResourceNotFoundException(file + " does not exist; check " + parameter + versionAdvice() + ".");
        }
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Each attempt continues what the ones before it wrote to {@code partial}, when the server supports ranges. */
    private void downloadWithRetries(URI source, Path partial) throws IOException {
        transport.withRetries(TransportRequest.get(source), exchange -> {
            transfer(source, partial, exchange);
            return null;
        });
    }

    /** A GET of {@code source} with the download root's login, from byte {@code existing} on when that is positive. */
    private TransportRequest request(URI source, long existing) {
        TransportRequest request = TransportRequest.get(source);
        Credentials credentials = settings.credentials();
        if (credentials != null && credentials.username() != null) {
            String token =
                    credentials.username() + ":" + (credentials.password() == null ? "" : credentials.password());
            request = request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        if (existing > 0) {
            request = request.header("Range", "bytes=" + existing + "-");
        } else if (existing == FIRST_BYTE_ONLY) {
            request = request.header("Range", "bytes=0-0");
        }
        return request;
    }

    /** One attempt: continues a partial file when the server supports ranges. */
    private void transfer(URI source, Path partial, HttpTransport.Exchange exchange) throws IOException {
        long existing = Files.exists(partial) ? Files.size(partial) : 0;
        try (TransportResponse response = exchange.send(request(source, existing))) {
            int status = response.status();
            if (status == 416 && existing > 0) {
                Files.delete(partial);
                throw new RetryableException("the server could not continue the partial download; starting over");
            }
            if (status != 200 && status != 206) {
                throw failure(status, source);
            }
            boolean append = status == 206 && existing > 0;
            long expectedTotal = response.contentLength();
            if (expectedTotal >= 0 && append) {
                expectedTotal += existing;
            }
            Progress progress = new Progress(source, expectedTotal, log);
            long written;
            try (OutputStream out = Files.newOutputStream(
                    partial,
                    StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                written = response.copyTo(out, append ? existing : 0, progress::update);
            }
            if (expectedTotal >= 0 && written < expectedTotal) {
                throw new RetryableException("the download was truncated at " + HumanReadable.size(written) + " of "
                        + HumanReadable.size(expectedTotal));
            }
            progress.done(written);
        }
    }

    private EnvironmentException failure(int status, URI source) {
        if (status == 404 || status == 410) {
            return new ResourceNotFoundException(source + " was not found (HTTP " + status + "); check " + parameter
                    + (parameter.equals(SDK_DOWNLOAD_ROOT)
                            ? " and that <version> (go.version) exists for this platform."
                            : "."));
        }
        if (status == 401 || status == 403) {
            Credentials sent = settings.credentials();
            if (sent == null) {
                return new EnvironmentException(
                        source + " refused access (HTTP " + status + "); configure a settings.xml <server> "
                                + "with <username> and <password> and name it with <serverId> (go.serverId).");
            }
            return new EnvironmentException(source + " refused the login of " + sent + " (HTTP " + status
                    + "); check that user's <username> and <password>"
                    + (sent.fromUrl() ? " in the URL" : " in settings.xml")
                    + " and that it may read this location.");
        }
        return new EnvironmentException(source + " answered HTTP " + status + "; check " + parameter + ".");
    }

    private String versionAdvice() {
        return parameter.equals(SDK_DOWNLOAD_ROOT) ? " and <version> (go.version)" : "";
    }

    /** A line at every 10 %, not one per chunk. */
    private static final class Progress {
        private final URI source;
        private final long total;
        private final GoLog log;
        private final long started = System.nanoTime();
        private int lastDecile;
        private long lastReport = System.nanoTime();

        Progress(URI source, long total, GoLog log) {
            this.source = source;
            this.total = total;
            this.log = log;
        }

        void update(long written) {
            if (total > 0 && total < 1_000_000) {
                return;
            }
            if (total > 0) {
                int decile = (int) (written * 10 / total);
                boolean quietTooLong = System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5);
                if ((decile > lastDecile || quietTooLong) && decile < 10) {
                    lastDecile = decile;
                    lastReport = System.nanoTime();
                    log.info("Downloading " + name() + ": " + written * 100 / total + "% ("
                            + HumanReadable.size(written) + " of " + HumanReadable.size(total) + ")");
                }
            } else if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                lastReport = System.nanoTime();
                log.info("Downloading " + name() + ": " + HumanReadable.size(written));
            }
        }

        void done(long written) {
            if (written > 1_000_000) {
                log.info("Downloaded " + name() + ": " + HumanReadable.size(written) + " in "
                        + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)));
            }
        }

        private String name() {
            String path = source.getPath();
            return path == null ? source.toString() : path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
