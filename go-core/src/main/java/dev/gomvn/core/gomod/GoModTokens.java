package dev.gomvn.core.gomod;

import java.util.ArrayList;
import java.util.List;

/** Splits one go.mod line into tokens: words, {@code "quoted"} and {@code `raw`} strings, parentheses, {@code =>}. */
final class GoModTokens {
    private GoModTokens() {}

    static List<String> split(String line, String file, int lineNumber) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int end = commentStart(line);
        String text = end < 0 ? line : line.substring(0, end);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '`') {
                int close = closingQuote(text, i, c);
                if (close < 0) {
                    throw new GoModParseException(
                            file, lineNumber, "unterminated quoted string", "close the " + c + " quote");
                }
                tokens.add(text.substring(i + 1, close).replace("\\\"", "\"").replace("\\\\", "\\"));
                i = close + 1;
            } else {
                int start = i;
                while (i < text.length()
                        && !Character.isWhitespace(text.charAt(i))
                        && text.charAt(i) != '('
                        && text.charAt(i) != ')'
                        && text.charAt(i) != '"'
                        && text.charAt(i) != '`') {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static int closingQuote(String text, int open, char quote) {
        for (int i = open + 1; i < text.length(); i++) {
            if (quote == '"' && text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return -1;
    }

    /** Where a {@code //} comment starts, outside quotes; -1 if none. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }
}
