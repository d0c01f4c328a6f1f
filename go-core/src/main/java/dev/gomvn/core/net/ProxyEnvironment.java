package dev.gomvn.core.net;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * settings.xml proxies as the variables the go command reads (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), so
 * module downloads go where Maven's downloads go. Variables already set by the user win.
 */
public final class ProxyEnvironment {
    private static final List<String> NAMES = List.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");

    private ProxyEnvironment() {}

    /**
     * @param inherited the environment go would inherit; a proxy variable set there (either case) is kept
     * @param configured the plugin's {@code <environment>}, which wins over everything
     */
    public static Map<String, String> merge(
            NetworkSettings network, Map<String, String> inherited, Map<String, String> configured) {
        Map<String, String> result = new LinkedHashMap<>();
        boolean userHasProxy = Stream.concat(inherited.keySet().stream(), configured.keySet().stream())
                .anyMatch(name -> NAMES.contains(name.toUpperCase(java.util.Locale.ROOT)));
        if (!userHasProxy) {
            ProxySettings http = network.proxyFor("http", "");
            ProxySettings https = network.proxyFor("https", "");
            if (http != null) {
                result.put("HTTP_PROXY", url(http));
            }
            if (https != null) {
                result.put("HTTPS_PROXY", url(https));
            }
            ProxySettings any = https != null ? https : http;
            if (any != null
                    && any.nonProxyHosts() != null
                    && !any.nonProxyHosts().isBlank()) {
                result.put(
                        "NO_PROXY",
                        Stream.of(any.nonProxyHosts().split("[|,]"))
                                .map(String::strip)
                                .filter(h -> !h.isEmpty())
                                .map(h -> h.startsWith("*.") ? h.substring(1) : h)
                                .collect(Collectors.joining(",")));
            }
        }
        result.putAll(configured);
        return result;
    }

    private static String url(ProxySettings proxy) {
        String login = proxy.hasCredentials()
                ? encode(proxy.username()) + (proxy.password() == null ? "" : ":" + encode(proxy.password())) + "@"
                : "";
        return "http://" + login + proxy.host() + ":" + proxy.port();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
