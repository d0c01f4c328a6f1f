package dev.gomvn.core.provision.download;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.net.ProxyTunnelRelay;
import dev.gomvn.core.net.UrlLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads SDK archives and small files over http(s) or from {@code file:} roots. Built for the
 * places users got hurt: proxies with authentication, mirrors that hang, servers that fail with 5xx
 * or drop the connection halfway. Bodies are streamed to disk (constant memory), stalled transfers
 * are cut after the read timeout, failures are retried with backoff and truncated downloads resume
 * with a Range request. A host that cannot be connected to at all (refused, unknown, connect timeout) is
 * not retried: backing off will not make go.dev reachable from a closed network, and the caller may have
 * another source (the module proxy) to go to at once. Passwords never appear in a log line or an exception message.
 *
 * <p>Proxy credentials are offered up front, and a 407 is final: neither the JDK, nor the retry loop, nor a later
 * download by the same downloader (index, checksum file, archive) tries them again, since corporate proxies lock
 * accounts after a few failures. The core sets no system property, so https through a proxy with credentials goes
 * through a {@link ProxyTunnelRelay}.
 */
public final class HttpDownloader {
    private static final int MAX_REDIRECTS = 10;
    /** Below this a Go SDK takes over an hour: the server is stalling, not serving. */
    static final long MINIMUM_BYTES_PER_SECOND = 16 * 1024;
    /** In place of the bytes already downloaded: ask for the first byte only, to learn that a file exists. */
    private static final long FIRST_BYTE_ONLY = -1;

    private static final String SDK_DOWNLOAD_ROOT = "<downloadRoot> (go.downloadRoot)";

    private final NetworkSettings settings;
    private final GoLog log;
    private final String parameter;
    /** Proxies that answered their credentials with 407: each wrong password reaches its proxy only once. */
    private final Set<ProxySettings> refusedProxies = ConcurrentHashMap.newKeySet();
    /** Why each host (or proxy) could not be connected to: later requests to it fail at once, without a wait. */
    private final Map<String, String> unreachableHosts = new ConcurrentHashMap<>();

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
     * told apart from a missing digest without downloading the archive. One attempt; false on 404/410.
     */
    public boolean exists(URI source) {
        refuseWhenOffline(source);
        if ("file".equalsIgnoreCase(source.getScheme())) {
            return Files.isRegularFile(Path.of(source));
        }
        try (Tunnels tunnels = new Tunnels()) {
            HttpResponse<InputStream> response = followingRedirects(source, FIRST_BYTE_ONLY, tunnels);
            int status = response.statusCode();
            discard(response);
            if (status == 404 || status == 410) {
                return false;
            }
            if (status == 200 || status == 206) {
                return true;
            }
            throw failure(status, source);
        } catch (IOException e) {
            throw new EnvironmentException("Could not reach " + source + ": " + describe(e), e);
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

    private void downloadWithRetries(URI source, Path partial) throws IOException {
        Duration backoff = settings.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            // A relay lives as long as one attempt: the body streams through it.
            try (Tunnels tunnels = new Tunnels()) {
                transfer(source, partial, tunnels);
                return;
            } catch (RetryableException e) {
                if (attempt >= settings.retries()) {
                    String reason = "downloading " + source + " failed after "
                            + HumanReadable.count(attempt + 1, "attempt", "attempts") + ": " + e.getMessage();
                    throw new UnreachableException(
                            Character.toUpperCase(reason.charAt(0)) + reason.substring(1)
                                    + ". Check the network, the proxy in settings.xml and " + parameter + ".",
                            reason,
                            e);
                }
                log.warn("Downloading " + source + " failed (" + e.getMessage() + "); retrying in "
                        + HumanReadable.duration(backoff) + " (attempt " + (attempt + 2) + " of "
                        + (settings.retries() + 1) + ").");
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Only http(s) redirects are followed, and never from https to http: the digest file and the archive
     * must travel as protected as the configured URL says, or the log and the cache marker would lie.
     */
    static URI followable(URI original, URI from, URI to, String parameter) {
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new EnvironmentException(from + " redirects to " + UrlLogin.redact(to.toString())
                    + ", which is not an http(s) URL; gomvn follows only http(s) redirects. Point " + parameter
                    + " or the proxy URL at the real location.");
        }
        if ("https".equalsIgnoreCase(original.getScheme()) && scheme.equals("http")) {
            throw new EnvironmentException(from + " redirects to " + UrlLogin.redact(to.toString())
                    + ": a downgrade from https to plain http, which anyone on the way could alter. Refused; fix the "
                    + "server's redirect, or configure the http URL yourself if plain http is really intended.");
        }
        return to;
    }

    /** The first answer that is no redirect, following only redirects {@link #followable} allows. */
    private HttpResponse<InputStream> followingRedirects(URI original, long existing, Tunnels tunnels)
            throws IOException {
        URI uri = original;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            HttpResponse<InputStream> response = send(uri, original, existing, tunnels);
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return response;
            }
            Optional<String> location = response.headers().firstValue("Location");
            discard(response);
            if (location.isEmpty()) {
                throw new EnvironmentException(uri + " answered " + status + " without a Location to follow.");
            }
            uri = followable(original, uri, uri.resolve(location.get()), parameter);
        }
        throw new EnvironmentException(original + " redirects more than " + MAX_REDIRECTS + " times.");
    }

    /** One attempt: continues a partial file when the server supports ranges. */
    private void transfer(URI original, Path partial, Tunnels tunnels) throws IOException {
        long existing = Files.exists(partial) ? Files.size(partial) : 0;
        HttpResponse<InputStream> response = followingRedirects(original, existing, tunnels);
        int status = response.statusCode();
        if (status == 416 && existing > 0) {
            discard(response);
            Files.delete(partial);
            throw new RetryableException("the server could not continue the partial download; starting over");
        }
        if (status != 200 && status != 206) {
            discard(response);
            throw failure(status, original);
        }
        boolean append = status == 206 && existing > 0;
        long expectedTotal =
                response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (expectedTotal >= 0 && append) {
            expectedTotal += existing;
        }
        long offset = append ? existing : 0;
        copyBody(response.body(), partial, append, offset, expectedTotal, original);
    }

    private HttpResponse<InputStream> send(URI uri, URI original, long existing, Tunnels tunnels) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET();
        Credentials credentials = settings.credentials();
        // Credentials belong to the download root's host only: never forward them across a redirect.
        if (credentials != null && sameHost(uri, original) && credentials.username() != null) {
            String token =
                    credentials.username() + ":" + (credentials.password() == null ? "" : credentials.password());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        if (existing > 0) {
            request.header("Range", "bytes=" + existing + "-");
        } else if (existing == FIRST_BYTE_ONLY) {
            request.header("Range", "bytes=0-0");
        }
        ProxySettings proxy = settings.proxyFor(uri.getScheme(), uri.getHost());
        ProxyTunnelRelay relay = null;
        if (proxy != null && proxy.hasCredentials()) {
            if (refusedProxies.contains(proxy)) {
                log.debug("Not offering the credentials of the proxy " + proxy + " again: it refused them.");
                throw failure(407, original);
            }
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                relay = tunnels.relayTo(proxy);
                request.header(ProxyTunnelRelay.ADMISSION_HEADER, relay.admissionToken());
            } else {
                // Up front, so the proxy never sees a request without them and its 407 is final. java.net.http
                // passes a Proxy-* header only to a proxy it sends plain http to, never to the origin server.
                request.header("Proxy-Authorization", proxy.basicAuthorization());
            }
        }
        String connectedTo = relay != null ? null : addressOf(uri, proxy);
        String knownUnreachable = connectedTo == null ? null : unreachableHosts.get(connectedTo);
        if (knownUnreachable != null) {
            throw unreachable(original, knownUnreachable, null);
        }
        HttpResponse<InputStream> response;
        try {
            response = client(proxy, relay).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            Optional<ProxyTunnelRelay.Failure> refused = relay == null ? Optional.empty() : relay.failure();
            if (refused.isPresent()) {
                throw tunnelFailure(refused.get(), proxy, original);
            }
            Optional<String> notConnected = connectFailure(e);
            if (notConnected.isPresent() && connectedTo != null) {
                String why = (proxy == null ? "" : "the proxy ") + connectedTo + " " + notConnected.get();
                unreachableHosts.put(connectedTo, why);
                throw unreachable(original, why, e);
            }
            if (e instanceof HttpTimeoutException) {
                throw new RetryableException(
                        "no answer within " + HumanReadable.duration(settings.readTimeout()) + " (go.readTimeout)", e);
            }
            throw new RetryableException(describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while downloading " + original + ".", e);
        }
        // From the proxy itself over plain http, or made by the JDK of a tunnel the relay refused with 407 (other
        // refusals of a tunnel become the exception above).
        if (response.statusCode() == 407) {
            discard(response);
            throw proxyRefused(proxy, original);
        }
        return response;
    }

    /** {@code host:port} this request connects to: the proxy's when it goes through one, else the URL's. */
    private static String addressOf(URI uri, ProxySettings proxy) {
        if (proxy != null) {
            return proxy.host() + ":" + proxy.port();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /**
     * Why no connection was made, when that is the failure: refused, unknown host or connect timeout. Empty for
     * failures of a connection that was made (reset, closed, timeouts while reading): those are retried.
     */
    private Optional<String> connectFailure(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return Optional.of("did not accept a connection within " + HumanReadable.duration(settings.connectTimeout())
                    + " (go.connectTimeout)");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return Optional.of("is an unknown host");
            }
        }
        if (e instanceof ConnectException) {
            return Optional.of("refused the connection");
        }
        return Optional.empty();
    }

    private UnreachableException unreachable(URI source, String why, Throwable cause) {
        return new UnreachableException(
                "Cannot download " + source + ": " + why + ". Check the network, the <proxy> in settings.xml and "
                        + parameter + ".",
                why,
                cause);
    }

    /** Closes the body; the JDK gives the 407 it makes of a refused tunnel none at all. */
    private static void discard(HttpResponse<InputStream> response) throws IOException {
        if (response.body() != null) {
            response.body().close();
        }
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort()
                && a.getScheme().equalsIgnoreCase(b.getScheme());
    }

    /**
     * A client without an {@link java.net.Authenticator}, so the JDK never answers a 401 or 407 with another attempt;
     * {@code relay}, when given, is its proxy instead of {@code proxy}.
     */
    private HttpClient client(ProxySettings proxy, ProxyTunnelRelay relay) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (relay != null) {
            builder.proxy(ProxySelector.of(relay.address()));
        } else if (proxy != null) {
            builder.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        } else {
            builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        return builder.build();
    }

    private void copyBody(InputStream body, Path partial, boolean append, long offset, long expectedTotal, URI source)
            throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gomvn-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long readTimeoutNanos = settings.readTimeout().toNanos();
        boolean[] stalled = {false};
        // java.net.http has no per-read timeout: a stalled body would block forever, so close it.
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - lastProgress.get() > readTimeoutNanos) {
                        stalled[0] = true;
                        try {
                            body.close();
                        } catch (IOException ignored) {
                            // The reading thread sees the failure.
                        }
                    }
                },
                50,
                Math.max(50, settings.readTimeout().toMillis() / 4),
                TimeUnit.MILLISECONDS);
        long written = offset;
        long lastMark = offset;
        long minimumBytes =
                MINIMUM_BYTES_PER_SECOND * Math.max(1, settings.readTimeout().toSeconds());
        Progress progress = new Progress(source, expectedTotal, log);
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(
                        partial,
                        StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[128 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                written += read;
                // Progress is a window's worth of data, not a byte: a trickling server must not hold the build.
                if (written - lastMark >= minimumBytes) {
                    lastMark = written;
                    lastProgress.set(System.nanoTime());
                }
                progress.update(written);
            }
        } catch (IOException e) {
            if (stalled[0]) {
                throw new RetryableException(tooSlow(written - lastMark, written), e);
            }
            throw new RetryableException(describe(e) + " after " + HumanReadable.size(written), e);
        } finally {
            check.cancel(true);
            watchdog.shutdownNow();
        }
        if (stalled[0]) {
            throw new RetryableException(tooSlow(written - lastMark, written));
        }
        if (expectedTotal >= 0 && written < expectedTotal) {
            throw new RetryableException("the download was truncated at " + HumanReadable.size(written) + " of "
                    + HumanReadable.size(expectedTotal));
        }
        progress.done(written);
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
        if (status == 407) {
            return new EnvironmentException(
                    "The proxy refused " + source + " (HTTP 407 Proxy Authentication Required); "
                            + "check <username> and <password> of the <proxy> in settings.xml.");
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new RetryableException("HTTP " + status);
        }
        return new EnvironmentException(source + " answered HTTP " + status + "; check " + parameter + ".");
    }

    private String versionAdvice() {
        return parameter.equals(SDK_DOWNLOAD_ROOT) ? " and <version> (go.version)" : "";
    }

    /** A 407: final for this downloader when it came with credentials. */
    private EnvironmentException proxyRefused(ProxySettings proxy, URI source) {
        if (proxy != null && proxy.hasCredentials()) {
            refusedProxies.add(proxy);
        }
        return failure(407, source);
    }

    /** A tunnel the proxy would not open: refused credentials are final, a failure on the proxy's side may pass. */
    private EnvironmentException tunnelFailure(ProxyTunnelRelay.Failure failure, ProxySettings proxy, URI source) {
        int status = failure.status();
        if (failure.credentialsRefused()) {
            return proxyRefused(proxy, source);
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new RetryableException(failure.toString());
        }
        return new EnvironmentException("The proxy refused " + source + ": " + failure + "; check the <proxy> in "
                + "settings.xml and its <nonProxyHosts>.");
    }

    private String tooSlow(long lastWindowBytes, long written) {
        if (lastWindowBytes == 0) {
            return "no data for " + HumanReadable.duration(settings.readTimeout()) + " (go.readTimeout) after "
                    + HumanReadable.size(written);
        }
        return "only " + HumanReadable.size(lastWindowBytes) + " in " + HumanReadable.duration(settings.readTimeout())
                + " (go.readTimeout), below the minimum of " + HumanReadable.size(MINIMUM_BYTES_PER_SECOND)
                + "/s, after " + HumanReadable.size(written);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting to retry a download.", e);
        }
    }

    /** A failure that another attempt may not have: 5xx, reset connection, stalled or truncated body. */
    static final class RetryableException extends EnvironmentException {
        RetryableException(String message) {
            super(message);
        }

        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The tunnel relays of one attempt, started on first use and closed with the attempt: the response body streams
     * through them, so they must outlive {@code send}.
     */
    private final class Tunnels implements AutoCloseable {
        private final Map<ProxySettings, ProxyTunnelRelay> relays = new HashMap<>();

        ProxyTunnelRelay relayTo(ProxySettings proxy) {
            ProxyTunnelRelay relay = relays.get(proxy);
            if (relay == null) {
                try {
                    relay = ProxyTunnelRelay.start(proxy, settings.connectTimeout(), settings.readTimeout());
                } catch (IOException e) {
                    throw new EnvironmentException(
                            "Could not open a local relay on 127.0.0.1 for the proxy " + proxy + ": " + describe(e), e);
                }
                relays.put(proxy, relay);
            }
            return relay;
        }

        @Override
        public void close() {
            relays.values().forEach(ProxyTunnelRelay::close);
        }
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
