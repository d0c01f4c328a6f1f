package dev.gomvn.core.gomod;

import dev.gomvn.core.ConfigurationException;

/** A go.mod or go.sum line that does not parse; the message starts with {@code file:line}. */
public class GoModParseException extends ConfigurationException {
    private final String file;
    private final int line;

    public GoModParseException(String file, int line, String problem, String fix) {
        super(null, file + ":" + line + ": " + problem + "; " + fix);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
