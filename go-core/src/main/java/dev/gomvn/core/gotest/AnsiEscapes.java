package dev.gomvn.core.gotest;

import java.util.regex.Pattern;

/**
 * Terminal escape sequences (colours, cursor moves, hyperlinks) that Ginkgo, Gomega and many test
 * helpers print even when their output is piped. In a report they are noise at best and, as the
 * ESC byte is not allowed in XML, a broken file at worst.
 */
final class AnsiEscapes {
    /** CSI ({@code ESC [ ... m}), OSC ({@code ESC ] ... BEL} or {@code ESC ] ... ESC \}) and two-byte escapes. */
    private static final Pattern ESCAPE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)" + "|\u001B[@-Z\\\\-_]");

    private AnsiEscapes() {}

    static String strip(String text) {
        return text.indexOf('\u001B') < 0 ? text : ESCAPE.matcher(text).replaceAll("");
    }
}
