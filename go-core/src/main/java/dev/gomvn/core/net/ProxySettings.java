package dev.gomvn.core.net;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One HTTP(S) proxy as settings.xml describes it, already decrypted.
 *
 * @param protocol      {@code http} or {@code https}: the URL scheme this proxy serves
 * @param nonProxyHosts host patterns separated by {@code |} or {@code ,}, {@code *} wildcards allowed
 */
public record ProxySettings(
        String protocol, String host, int port, String username, String password, String nonProxyHosts) {

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** The {@code Proxy-Authorization} value for these credentials: it holds the password, so never log it. */
    public String basicAuthorization() {
        String token = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code targetHost} matches one of the nonProxyHosts patterns (case-insensitive). */
    public boolean bypasses(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank() || targetHost == null) {
            return false;
        }
        String host = targetHost.toLowerCase(java.util.Locale.ROOT);
        for (String pattern : List.of(nonProxyHosts.split("[|,]"))) {
            String p = pattern.trim().toLowerCase(java.util.Locale.ROOT);
            if (!p.isEmpty() && host.matches(java.util.regex.Pattern.quote(p).replace("*", "\\E.*\\Q"))) {
                return true;
            }
        }
        return false;
    }

    /** For logs: never includes the password. */
    @Override
    public String toString() {
        return protocol + "://" + (hasCredentials() ? username + ":***@" : "") + host + ":" + port;
    }
}
