package dev.gomvn.core.net;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * settings.xml proxies as the variables the go command reads (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), so
 * module downloads go where Maven's downloads go. Variables already set by the user win.
 *
 * <p>A proxy's login is not among them: go hands its environment to every test binary, generator and C compiler
 * it runs. It is a {@link ProxyLogin} instead, which only go runs that download and run nothing of the user's
 * receive.
 */
public final class ProxyEnvironment {
    private static final List<String> NAMES = List.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY");

    private ProxyEnvironment() {}

    /**
     * @param inherited the environment go would inherit; a proxy variable set there (either case) is kept
     * @param configured the plugin's {@code <environment>}, which wins over everything
     * @return the proxy variables without any login, and {@code configured} over them
     */
    public static Map<String, String> merge(
            NetworkSettings network, Map<String, String> inherited, Map<String, String> configured) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!userHasProxy(inherited, configured)) {
            result.putAll(variables(network, false));
            ProxySettings http = network.proxyFor("http", "");
            ProxySettings https = network.proxyFor("https", "");
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

    /**
     * The HTTP_PROXY/HTTPS_PROXY that {@link #merge} gave go, with the settings.xml login in them; {@link
     * ProxyLogin#NONE} when no settings.xml proxy has one or the user set their own proxy variables.
     */
    public static ProxyLogin login(
            NetworkSettings network, Map<String, String> inherited, Map<String, String> configured) {
        if (userHasProxy(inherited, configured)) {
            return ProxyLogin.NONE;
        }
        List<ProxySettings> withLogin = Stream.of(network.proxyFor("http", ""), network.proxyFor("https", ""))
                .filter(proxy -> proxy != null && proxy.hasCredentials())
                .distinct()
                .toList();
        return withLogin.isEmpty() ? ProxyLogin.NONE : new ProxyLogin(variables(network, true), withLogin);
    }

    private static boolean userHasProxy(Map<String, String> inherited, Map<String, String> configured) {
        return Stream.concat(inherited.keySet().stream(), configured.keySet().stream())
                .anyMatch(name -> NAMES.contains(name.toUpperCase(Locale.ROOT)));
    }

    private static Map<String, String> variables(NetworkSettings network, boolean withLogin) {
        Map<String, String> result = new LinkedHashMap<>();
        ProxySettings http = network.proxyFor("http", "");
        ProxySettings https = network.proxyFor("https", "");
        if (http != null) {
            result.put("HTTP_PROXY", url(http, withLogin));
        }
        if (https != null) {
            result.put("HTTPS_PROXY", url(https, withLogin));
        }
        return result;
    }

    private static String url(ProxySettings proxy, boolean withLogin) {
        String login = withLogin && proxy.hasCredentials()
                ? encode(proxy.username()) + (proxy.password() == null ? "" : ":" + encode(proxy.password())) + "@"
                : "";
        return "http://" + login + proxy.host() + ":" + proxy.port();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
