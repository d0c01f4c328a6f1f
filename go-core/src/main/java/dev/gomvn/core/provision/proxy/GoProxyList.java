package dev.gomvn.core.provision.proxy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.net.UrlLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code GOPROXY} value as the go command reads it: proxy URLs, {@code direct} and {@code off},
 * separated by {@code ,} (try the next entry only when this one answers 404/410) or {@code |} (try
 * the next entry after any error). A URL without a scheme means https.
 */
public record GoProxyList(List<Entry> entries, String parameter) {
    public static final String GO_DEFAULT = "https://proxy.golang.org,direct";

    /**
     * @param url the proxy base without trailing slash, or null for {@code direct}/{@code off}
     * @param keyword {@code direct}, {@code off}, or null for a URL
     * @param fallBackOnAnyError whether the separator after this entry is {@code |}
     */
    public record Entry(URI url, String keyword, boolean fallBackOnAnyError) {
        public boolean isUrl() {
            return url != null;
        }

        /** The URL without user:password, for messages and logs. */
        public String redacted() {
            if (url == null) {
                return keyword;
            }
            return UrlLogin.redact(url.toString());
        }
    }

    /**
     * @param parameter where the value came from (e.g. {@code go.proxy} or {@code GOPROXY}), for errors
     */
    public static GoProxyList parse(String value, String parameter) {
        String text = value == null || value.isBlank() ? GO_DEFAULT : value.strip();
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int pipe = text.indexOf('|', start);
            int end = comma < 0 ? pipe : pipe < 0 ? comma : Math.min(comma, pipe);
            String element = (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
            boolean anyError = end >= 0 && end == pipe;
            if (!element.isEmpty()) {
                entries.add(entry(element, anyError, value, parameter));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        if (entries.isEmpty()) {
            throw new ConfigurationException(
                    parameter,
                    parameter + " '" + value + "' lists no proxy; set it to a list such as " + GO_DEFAULT + ".");
        }
        return new GoProxyList(List.copyOf(entries), parameter);
    }

    private static Entry entry(String element, boolean anyError, String value, String parameter) {
        String lower = element.toLowerCase(Locale.ROOT);
        if (lower.equals("direct") || lower.equals("off")) {
            return new Entry(null, lower, anyError);
        }
        String withScheme = element.contains("://") || lower.startsWith("file:") ? element : "https://" + element;
        while (withScheme.endsWith("/")) {
            withScheme = withScheme.substring(0, withScheme.length() - 1);
        }
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
                throw new URISyntaxException(withScheme, "only https, http and file URLs can serve modules");
            }
            return new Entry(uri, null, anyError);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(
                    parameter,
                    parameter + " holds '" + redactedText(element) + "', which is not a proxy URL (" + e.getReason()
                            + "); use entries such as https://proxy.golang.org, direct or off, separated by , or |.");
        }
    }

    private static String redactedText(String element) {
        return element.replaceAll("//[^/@]*@", "//***@");
    }

    /** The entries joined as in GOPROXY, credentials hidden. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                text.append(entries.get(i - 1).fallBackOnAnyError() ? '|' : ',');
            }
            text.append(entries.get(i).redacted());
        }
        return text.toString();
    }
}
