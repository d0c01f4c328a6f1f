package dev.gomvn.core.net;

import dev.gomvn.core.EnvironmentException;
import java.net.URI;
import java.util.Locale;

/**
 * The one redirect policy of {@link HttpTransport}: only http(s) redirects are followed, never from https to http, and
 * a login never travels to another origin than the one it was given for.
 */
public final class RedirectPolicy {
    static final int MAX_REDIRECTS = 10;

    private RedirectPolicy() {}

    /**
     * {@code to}, when a redirect from {@code from} (reached from {@code original}) may go there: the digest file and
     * the archive must travel as protected as the configured URL says, or the log and the cache marker would lie.
     *
     * @param parameter what names {@code original}, for the message that refuses the redirect
     */
    public static URI followable(URI original, URI from, URI to, String parameter) {
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

    /** Same scheme, host and port (the default port of the scheme when none is given). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b)
                && a.getScheme().equalsIgnoreCase(b.getScheme());
    }

    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
