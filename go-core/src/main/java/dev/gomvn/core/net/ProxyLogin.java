package dev.gomvn.core.net;

import dev.gomvn.core.process.PerRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings.xml proxy login, for the go runs that download modules and run nothing of the user's ({@code go mod
 * download}, a tool's {@code go install} with cgo off) and for the shared build cache's program, which gets it in
 * its one-shot file. Every other go run sees the proxy without the login: go passes its environment to test
 * binaries, {@code go generate} and C compilers, and a passing test's output is cached (and uploaded to a shared
 * store), so a login there would be the user's code's to read and to publish.
 *
 * @param variables HTTP_PROXY/HTTPS_PROXY as go reads them, with the login in the URL
 * @param proxies   the proxies these variables name that have a login
 */
public record ProxyLogin(Map<String, String> variables, List<ProxySettings> proxies) implements PerRun {
    public static final ProxyLogin NONE = new ProxyLogin(Map.of(), List.of());

    public ProxyLogin {
        variables = Map.copyOf(variables);
        proxies = List.copyOf(proxies);
    }

    public boolean present() {
        return !proxies.isEmpty();
    }

    @Override
    public Opened open() {
        return new Opened(variables, () -> {});
    }

    /** Never the password: the proxies as {@code http://user:***@host:port}. */
    @Override
    public String toString() {
        return proxies.stream().map(ProxySettings::toString).collect(Collectors.joining(", ", "ProxyLogin[", "]"));
    }
}
