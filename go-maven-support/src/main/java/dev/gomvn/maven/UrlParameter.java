package dev.gomvn.maven;

import dev.gomvn.core.net.UrlLogin;

/**
 * The type of URL parameters that may carry a {@code user:password@} login ({@code go.downloadRoot},
 * {@code go.proxy}): Maven's {@code -X} prints every parameter as its {@code toString()}, and this one
 * shows the URL without the login. Maven fills it through the String constructor (its configurator
 * does since Maven 3.9.9); there is deliberately no {@code set(String)} method, which Maven would log
 * with the raw value.
 */
public final class UrlParameter {
    private final String value;

    /** For Maven's configurator, which instantiates before it converts. */
    public UrlParameter() {
        this(null);
    }

    public UrlParameter(String value) {
        this.value = value;
    }

    /** The URL as configured, login included: for the core, never for a log. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return UrlLogin.redact(value);
    }
}
