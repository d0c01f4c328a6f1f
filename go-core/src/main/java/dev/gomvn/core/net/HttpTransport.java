package dev.gomvn.core.net;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The one way the core and the image code talk HTTP, with the guarantees users got hurt without: settings.xml proxies
 * (with logins, through a {@link ProxyTunnelRelay} for https, and nonProxyHosts), connect and read timeouts, a minimum
 * throughput on bodies ({@link TransportResponse}), bounded retries with backoff for idempotent requests, one redirect
 * policy ({@link RedirectPolicy}: no other scheme, no https to http, no login to another origin), Maven's offline mode,
 * and messages that name the parameter the URL came from. Passwords never appear in a log line or a message.
 *
 * <p>A host that cannot be connected to at all (refused, unknown, connect timeout) is not retried and is remembered:
 * backing off will not make go.dev reachable from a closed network, and the caller may have another source to go to at
 * once. Proxy credentials are offered up front, and a 407 is final for this transport: neither the JDK, nor the retry
 * loop, nor a later request tries them again, since corporate proxies lock accounts after a few failures.
 */
public final class HttpTransport {
    private final NetworkSettings settings;
    private final GoLog log;
    private final String parameter;
    private final ProxyClients clients;
    /** Proxies that answered their credentials with 407: each wrong password reaches its proxy only once. */
    private final Set<ProxySettings> refusedProxies = ConcurrentHashMap.newKeySet();
    /** Why each host (or proxy) could not be connected to: later requests to it fail at once, without a wait. */
    private final Map<String, String> unreachableHosts = new ConcurrentHashMap<>();

    /**
     * @param parameter what names the URLs this transport is for, as messages show it, e.g. {@code <database>
     *     (go.vulnDatabase)}: every message points the user at that
     */
    public HttpTransport(NetworkSettings settings, GoLog log, String parameter) {
        this.settings = settings;
        this.log = log;
        this.parameter = parameter;
        this.clients = new ProxyClients(settings);
    }

    /** The answer to {@code request}, read by {@code reader} within the attempt: retried as {@link #withRetries}. */
    public <T> T execute(TransportRequest request, Reader<T> reader) throws IOException {
        return withRetries(request, exchange -> {
            try (TransportResponse response = exchange.send(request)) {
                return reader.read(response);
            }
        });
    }

    /**
     * Runs {@code attempt} until it returns, repeating it after a {@link RetryableException} (its own, or one of the
     * requests it sends) with backoff, at most {@code go.retries} times and only when {@code request} is idempotent.
     *
     * @param request what the attempt sends, for the offline check, the retry decision and messages
     * @throws UnreachableException when no attempt succeeded or the host could not be connected to
     * @throws IOException          what the attempt itself throws, e.g. when it cannot write what it read
     */
    public <T> T withRetries(TransportRequest request, Attempt<T> attempt) throws IOException {
        if (settings.offline()) {
            throw new EnvironmentException("Maven runs offline (-o), so "
                    + UrlLogin.redact(request.uri().toString()) + " cannot be reached; run without -o, or check "
                    + parameter + ".");
        }
        int allowed = request.idempotent() ? settings.retries() : 0;
        Duration backoff = settings.initialBackoff();
        for (int failed = 0; ; failed++) {
            // A relay lives as long as one attempt: the body streams through it.
            try (Exchange exchange = new Exchange()) {
                return attempt.run(exchange);
            } catch (RetryableException e) {
                if (failed >= allowed) {
                    String reason = request.subject() + " failed after "
                            + HumanReadable.count(failed + 1, "attempt", "attempts") + ": " + e.getMessage();
                    throw new UnreachableException(
                            reason + ". Check the network, the proxy in settings.xml and " + parameter + ".",
                            Character.toLowerCase(reason.charAt(0)) + reason.substring(1),
                            e);
                }
                log.warn(request.subject() + " failed (" + e.getMessage() + "); retrying in "
                        + HumanReadable.duration(backoff) + " (attempt " + (failed + 2) + " of " + (allowed + 1)
                        + ").");
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Reads an answer within its attempt. */
    public interface Reader<T> {
        T read(TransportResponse response) throws IOException;
    }

    /** One attempt: it may send several requests, e.g. one that resumes what an earlier attempt got. */
    public interface Attempt<T> {
        T run(Exchange exchange) throws IOException;
    }

    /** The requests of one attempt, and the tunnel relays their bodies stream through, closed with the attempt. */
    public final class Exchange implements AutoCloseable {
        private final ProxyClients.Tunnels tunnels = clients.tunnels();

        /**
         * Sends {@code request}, following the redirects {@link RedirectPolicy} allows for reads.
         *
         * @throws RetryableException for an answer of 5xx, 408 or 429 to an idempotent request, and for failures of
         *     a connection that was made (reset, closed, no answer in time)
         */
        public TransportResponse send(TransportRequest request) {
            URI uri = request.uri();
            for (int redirects = 0; redirects <= RedirectPolicy.MAX_REDIRECTS; redirects++) {
                TransportResponse response = sendOnce(request, uri);
                int status = response.status();
                if (request.idempotent() && (status >= 500 || status == 429 || status == 408)) {
                    response.close();
                    throw new RetryableException("HTTP " + status);
                }
                if (!request.followsRedirects() || status < 300 || status >= 400 || status == 304) {
                    return response;
                }
                Optional<String> location = response.header("Location");
                response.close();
                if (location.isEmpty()) {
                    throw new EnvironmentException(uri + " answered " + status + " without a Location to follow.");
                }
                uri = RedirectPolicy.followable(request.uri(), uri, uri.resolve(location.get()), parameter);
            }
            throw new EnvironmentException(
                    request.uri() + " redirects more than " + RedirectPolicy.MAX_REDIRECTS + " times.");
        }

        private TransportResponse sendOnce(TransportRequest request, URI uri) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout(request.body()));
            try {
                builder.method(request.method(), request.body().publisher());
            } catch (IOException e) {
                throw new EnvironmentException(
                        "Could not read " + request.body() + " to send it to " + uri + ": " + describe(e), e);
            }
            request.headers().forEach((name, value) -> {
                // A login belongs to the origin it was given for: never forward it across a redirect.
                if (!name.equalsIgnoreCase("Authorization") || RedirectPolicy.sameOrigin(uri, request.uri())) {
                    builder.header(name, value);
                }
            });
            ProxySettings proxy = settings.proxyFor(uri.getScheme(), uri.getHost());
            ProxyTunnelRelay relay = null;
            HttpClient client = null;
            if (proxy != null && proxy.hasCredentials()) {
                if (refusedProxies.contains(proxy)) {
                    log.debug("Not offering the credentials of the proxy " + proxy + " again: it refused them.");
                    throw proxyRefused(null, request.uri());
                }
                if ("https".equalsIgnoreCase(uri.getScheme())) {
                    ProxyClients.Tunnel tunnel = tunnels.relayTo(proxy);
                    relay = tunnel.relay();
                    client = tunnel.client();
                    builder.header(ProxyTunnelRelay.ADMISSION_HEADER, relay.admissionToken());
                } else {
                    // Up front, so the proxy never sees a request without them and its 407 is final. java.net.http
                    // passes a Proxy-* header only to a proxy it sends plain http to, never to the origin server.
                    builder.header("Proxy-Authorization", proxy.basicAuthorization());
                }
            }
            if (client == null) {
                client = clients.client(proxy);
            }
            HttpResponse<InputStream> response = receive(client, builder.build(), request, proxy, relay);
            // From the proxy itself over plain http, or made by the JDK of a tunnel the relay refused with 407 (other
            // refusals of a tunnel become failures in receive).
            if (response.statusCode() == 407) {
                new TransportResponse(response, settings.readTimeout()).close();
                throw proxyRefused(proxy, request.uri());
            }
            return new TransportResponse(response, settings.readTimeout());
        }

        private HttpResponse<InputStream> receive(
                HttpClient client,
                HttpRequest request,
                TransportRequest sent,
                ProxySettings proxy,
                ProxyTunnelRelay relay) {
            URI original = sent.uri();
            String connectedTo = relay != null ? null : addressOf(request.uri(), proxy);
            String knownUnreachable = connectedTo == null ? null : unreachableHosts.get(connectedTo);
            if (knownUnreachable != null) {
                throw unreachable(sent, knownUnreachable, null);
            }
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                Optional<ProxyTunnelRelay.Failure> refused = relay == null ? Optional.empty() : relay.failure();
                if (refused.isPresent()) {
                    throw tunnelFailure(refused.get(), proxy, original);
                }
                Optional<String> notConnected = connectFailure(e);
                if (notConnected.isPresent() && connectedTo != null) {
                    String why = (proxy == null ? "" : "the proxy ") + connectedTo + " " + notConnected.get();
                    unreachableHosts.put(connectedTo, why);
                    throw unreachable(sent, why, e);
                }
                if (e instanceof HttpTimeoutException) {
                    throw new RetryableException(
                            "no answer within " + HumanReadable.duration(timeout(sent.body())) + " (go.readTimeout)",
                            e);
                }
                if (sslFailure(e)) {
                    // A certificate or a server that speaks no TLS: another attempt meets the same.
                    throw new UnreachableException(
                            "Cannot reach " + original + " over TLS: " + describe(e) + ". Check " + parameter + ".",
                            describe(e),
                            e);
                }
                throw new RetryableException(describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("Interrupted while sending a request to " + original + ".", e);
            }
        }

        @Override
        public void close() {
            tunnels.close();
        }
    }

    /**
     * The read timeout bounds the wait for an answer; a body sent first adds the time it takes at the minimum
     * throughput, since the JDK counts the upload of a large layer into the same wait.
     */
    private Duration timeout(TransportRequest.Body body) {
        return settings.readTimeout().plusSeconds(body.size() / TransportResponse.MINIMUM_BYTES_PER_SECOND);
    }

    /** {@code host:port} this request connects to: the proxy's when it goes through one, else the URL's. */
    private static String addressOf(URI uri, ProxySettings proxy) {
        if (proxy != null) {
            return proxy.host() + ":" + proxy.port();
        }
        return uri.getHost() + ":" + RedirectPolicy.port(uri);
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

    private static boolean sslFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private UnreachableException unreachable(TransportRequest request, String why, Throwable cause) {
        return new UnreachableException(
                "Cannot " + request.action() + ": " + why + ". Check the network, the <proxy> in settings.xml and "
                        + parameter + ".",
                why,
                cause);
    }

    /** A 407: final for this transport when it came with credentials. */
    private EnvironmentException proxyRefused(ProxySettings proxy, URI source) {
        if (proxy != null && proxy.hasCredentials()) {
            refusedProxies.add(proxy);
        }
        return new EnvironmentException("The proxy refused " + source + " (HTTP 407 Proxy Authentication Required); "
                + "check <username> and <password> of the <proxy> in settings.xml.");
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

    static String describe(IOException e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting to retry a request.", e);
        }
    }
}
