package dev.gomvn.core;

import java.nio.file.InvalidPathException;

/**
 * A path the JVM cannot represent: under {@code LANG=C} Java encodes file names in ASCII, so a project
 * in a folder named with other characters fails deep inside the JDK. This says what to change instead.
 */
public final class PathEncoding {
    private PathEncoding() {}

    public static EnvironmentException explain(InvalidPathException e) {
        String encoding = System.getProperty("sun.jnu.encoding", System.getProperty("file.encoding", "?"));
        return new EnvironmentException(
                "The path '" + e.getInput() + "' cannot be used: this JVM encodes file names as " + encoding
                        + " (the locale is LANG=C or similar), which cannot represent its characters ("
                        + e.getReason() + "). Run Maven with a UTF-8 locale, e.g. export LC_ALL=C.UTF-8, or move the "
                        + "project to an ASCII path.",
                e);
    }
}
