package dev.gomvn.core.sumdb;

import dev.gomvn.core.ConfigurationException;
import java.net.URI;
import java.util.Locale;

/**
 * Which checksum database verifies toolchains, from a {@code GOSUMDB}-style value: {@code <name>},
 * {@code <name>+<hash>+<key>} or either followed by a URL. Toolchains are verified even when GOSUMDB
 * is {@code off}, as the go command does, so {@code off} and empty both mean sum.golang.org.
 *
 * @param directUrl where to reach the database when no proxy serves it
 */
public record ChecksumDatabaseSetting(String name, NoteVerifier verifier, URI directUrl) {
    public static final String SUM_GOLANG_ORG_KEY =
            "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    public static ChecksumDatabaseSetting forToolchains(String value, String parameter) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("off")) {
            text = "sum.golang.org";
        }
        String[] parts = text.split("\\s+");
        if (parts.length > 2) {
            throw new ConfigurationException(
                    parameter,
                    parameter + " '" + text + "' has more than a key and a URL; use "
                            + "sum.golang.org, or <name>+<hash>+<key> [<url>].");
        }
        String key = parts[0];
        String name = key.contains("+") ? key.substring(0, key.indexOf('+')) : key;
        String directUrl = "https://" + name;
        if (!key.contains("+")) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "sum.golang.org" -> key = SUM_GOLANG_ORG_KEY;
                case "sum.golang.google.cn" -> {
                    key = SUM_GOLANG_ORG_KEY;
                    directUrl = "https://sum.golang.google.cn";
                }
                default ->
                    throw new ConfigurationException(
                            parameter,
                            parameter + " names the checksum database '" + name
                                    + "' without its public key; give it as <name>+<hash>+<key>, as its operator publishes it.");
            }
        }
        NoteVerifier verifier = NoteVerifier.parse(key, parameter);
        if (parts.length == 2) {
            directUrl = parts[1].contains("://") ? parts[1] : "https://" + parts[1];
        }
        try {
            URI uri = URI.create(directUrl.endsWith("/") ? directUrl : directUrl + "/");
            return new ChecksumDatabaseSetting(verifier.name(), verifier, uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    parameter,
                    parameter + " holds the URL '" + directUrl
                            + "', which is not valid; correct it or leave the URL out.");
        }
    }
}
