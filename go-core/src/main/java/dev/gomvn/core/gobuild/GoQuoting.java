package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's own quoting for flag lists (cmd/internal/quoted): arguments are separated by white space and
 * may be wrapped in single or double quotes, with no escapes. {@code -ldflags} values are parsed
 * this way by the go command, so {@code -X} values with spaces must be quoted by these rules.
 */
public final class GoQuoting {
    private GoQuoting() {}

    public static List<String> split(String text, String parameterName) {
        List<String> arguments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConfigurationException(
                            parameterName,
                            "<" + parameterName.replaceFirst("^go\\.", "") + "> (" + parameterName
                                    + ") has an unterminated " + c + " quote: " + text);
                }
                arguments.add(text.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            arguments.add(text.substring(i, end));
            i = end;
        }
        return arguments;
    }

    /** Quotes one argument so that {@link #split} gives it back unchanged, or says it cannot be. */
    public static String quote(String argument, String what) {
        boolean needsQuotes = argument.isEmpty()
                || argument.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '\'' || ch == '"');
        if (!needsQuotes) {
            return argument;
        }
        if (argument.indexOf('\'') < 0) {
            return "'" + argument + "'";
        }
        if (argument.indexOf('"') < 0) {
            return "\"" + argument + "\"";
        }
        throw new ConfigurationException(
                "linkerVariables",
                what + " contains both ' and \", which Go's -ldflags "
                        + "quoting cannot express; remove one kind of quote.");
    }
}
