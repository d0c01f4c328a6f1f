package dev.gomvn.core.buildcache;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.net.UrlLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The shared Go build cache as configured: the HTTP store, its login, whether this build may write to it, the
 * local directory the cache program answers go from, and how long the store may take before it is given up.
 *
 * @param url            the store's base URL, without a trailing slash
 * @param credentials    the settings.xml login sent to the store, or null
 * @param timeout        how long the store may take to answer (and, with a second more per 512 KiB, to transfer)
 * @param offline        Maven's -o: only the local directory is used
 * @param connectTimeout gomvn's connect timeout ({@code go.connectTimeout}): the store's, when shorter than timeout
 * @param readTimeout    gomvn's read timeout ({@code go.readTimeout}): how long a transfer may move no byte, when
 *     shorter than timeout
 * @param proxyLogin     the settings.xml proxy login, which go's environment (the program's) leaves out
 */
public record BuildCacheSettings(
        URI url,
        Credentials credentials,
        boolean readOnly,
        Path localDirectory,
        Duration timeout,
        boolean offline,
        Duration connectTimeout,
        Duration readTimeout,
        ProxyLogin proxyLogin) {

    public static final String URL_PARAMETER = "<buildCacheUrl> (go.buildCache.url)";
    public static final String TIMEOUT_PARAMETER = "<buildCacheTimeout> (go.buildCache.timeout)";

    public BuildCacheSettings {
        connectTimeout = connectTimeout == null || connectTimeout.compareTo(timeout) > 0 ? timeout : connectTimeout;
        readTimeout = readTimeout == null || readTimeout.compareTo(timeout) > 0 ? timeout : readTimeout;
        proxyLogin = proxyLogin == null ? ProxyLogin.NONE : proxyLogin;
    }

    /** Checks the URL as the user wrote it; the message names the parameter and what a right one looks like. */
    public static URI parseUrl(String text) {
        String trimmed = text.strip();
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (URISyntaxException e) {
            throw invalidUrl(text, "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl(text, "the store is reached over http or https");
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw invalidUrl(text, "it needs a host and no ?query or #fragment");
        }
        return uri;
    }

    private static ConfigurationException invalidUrl(String text, String why) {
        return new ConfigurationException(
                "go.buildCache.url",
                URL_PARAMETER + " is '" + UrlLogin.redact(text) + "', but " + why
                        + "; give the base URL of an HTTP store that answers GET and PUT, e.g."
                        + " https://nexus.example.com/repository/go-build-cache or http://cache.example.com/go.");
    }

    /** For messages: the URL with any login hidden. */
    public String displayUrl() {
        return UrlLogin.redact(url.toString());
    }
}
