package dev.gomvn.core.process;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.UrlLogin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What Maven's {@code -X} shows of a go run: the directory, the command line quoted so that it can be pasted
 * into a POSIX shell, and the variables that steer go (every {@code GO*} and {@code CGO_*}, the C toolchain, the
 * proxy variables and PATH), sorted. Not the whole environment: CI systems put dozens of unrelated variables, many
 * of them secrets, into every process. Logins in URLs become {@code ***@}; variables that hold credentials by their
 * nature (GOAUTH, anything named like a token, password or secret) become {@code ***}.
 */
final class GoCommandTrace {
    private static final Pattern STEERS_GO =
            Pattern.compile("GO.*|CGO_.*|CC|CXX|AR|PKG_CONFIG|HTTPS?_PROXY|NO_PROXY|PATH", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOLDS_CREDENTIALS =
            Pattern.compile("GOAUTH|.*(TOKEN|PASSWORD|PASSWD|SECRET|CREDENTIAL).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEEDS_NO_QUOTES = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private GoCommandTrace() {}

    static void log(GoLog log, Path workingDirectory, List<String> command, Map<String, String> environment) {
        if (!log.isDebugEnabled()) {
            return;
        }
        String directory =
                workingDirectory == null ? Path.of("").toAbsolutePath().toString() : workingDirectory.toString();
        log.debug("Running in " + directory + ": " + commandLine(command));
        log.debug("  with " + relevantVariables(environment));
    }

    /** The arguments as a POSIX shell reads them back, logins hidden. */
    static String commandLine(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String argument : command) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(shellQuoted(UrlLogin.redact(argument)));
        }
        return line.toString();
    }

    static String relevantVariables(Map<String, String> environment) {
        Map<String, String> sorted = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (STEERS_GO.matcher(name).matches()) {
                sorted.put(name, redacted(name, value));
            }
        });
        StringBuilder text = new StringBuilder();
        sorted.forEach((name, value) ->
                text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(shellQuoted(value)));
        return text.toString();
    }

    private static String redacted(String name, String value) {
        if (HOLDS_CREDENTIALS.matcher(name.toUpperCase(Locale.ROOT)).matches() && !value.isEmpty()) {
            return "***";
        }
        return UrlLogin.redact(value);
    }

    private static String shellQuoted(String text) {
        if (NEEDS_NO_QUOTES.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
