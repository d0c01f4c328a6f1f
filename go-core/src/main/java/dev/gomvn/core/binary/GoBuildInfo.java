package dev.gomvn.core.binary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build information Go embeds in every binary, as {@code go version -m} prints it:
 * {@code path}, {@code mod}, {@code dep} lines and {@code build key=value} settings
 * ({@code -trimpath=true}, {@code CGO_ENABLED=0}, {@code GOOS}, {@code GOARCH}, {@code GOAMD64}, ...).
 */
public record GoBuildInfo(String goVersion, String path, Map<String, String> settings) {

    public static GoBuildInfo parse(String output) {
        String goVersion = "";
        String path = "";
        Map<String, String> settings = new LinkedHashMap<>();
        for (String raw : output.split("\r?\n")) {
            if (!raw.startsWith("\t") && raw.contains(": ")) {
                goVersion = raw.substring(raw.indexOf(": ") + 2).strip();
                continue;
            }
            String[] fields = raw.strip().split("\t", 2);
            if (fields.length < 2) {
                continue;
            }
            if (fields[0].equals("path")) {
                path = fields[1].strip();
            } else if (fields[0].equals("build")) {
                String setting = fields[1].strip();
                int equals = setting.indexOf('=');
                if (equals > 0) {
                    settings.put(setting.substring(0, equals), unquote(setting.substring(equals + 1)));
                }
            }
        }
        return new GoBuildInfo(goVersion, path, Map.copyOf(settings));
    }

    /** Values with spaces are printed quoted ({@code -ldflags="-s -w"}). */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).replace("\\\"", "\"")
                : value;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
