package dev.gomvn.core.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code user:password@} in a URL ({@code go.downloadRoot}, GOPROXY entries): the one place that
 * takes it out of the URL, so that logs, messages and stored markers only ever see the URL without
 * it, and the login travels in an Authorization header to that host only.
 */
public final class UrlLogin {
    private static final Pattern LOGIN = Pattern.compile("(?<=//)[^/@\\s]+@");

    private UrlLogin() {}

    /** {@code https://***@host/path} for {@code https://user:secret@host/path}; any text with URLs in it works. */
    public static String redact(String text) {
        return text == null ? null : LOGIN.matcher(text).replaceAll("***@");
    }

    /** The URL without its login. */
    public static URI withoutLogin(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(
                    uri.getScheme(),
                    null,
                    uri.getHost(),
                    uri.getPort(),
                    uri.getRawPath() == null ? null : uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("A URI without its user info is still a URI", e);
        }
    }

    /** The login of {@code uri}, decoded, as credentials named {@code source} (never printed). */
    public static Optional<Credentials> credentials(URI uri, String source) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return Optional.of(new Credentials(source, user, password));
    }
}
