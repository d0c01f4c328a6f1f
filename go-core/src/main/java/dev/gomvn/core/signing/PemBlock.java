package dev.gomvn.core.signing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -----BEGIN <type>-----} block of a PEM file (RFC 7468), with the RFC 1421 headers OpenSSL's traditional
 * encrypted keys carry ({@code Proc-Type}, {@code DEK-Info}): a key file may hold several blocks (OpenSSL's
 * {@code ecparam -genkey} writes {@code EC PARAMETERS} before the key), so the caller picks the one it needs.
 */
record PemBlock(String type, Map<String, String> headers, byte[] der) {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    PemBlock {
        headers = Map.copyOf(headers);
    }

    /** Every block of {@code text}, in order; text between blocks (comments some tools write) is skipped. */
    static List<PemBlock> parse(String text) {
        List<PemBlock> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            Map<String, String> headers = new TreeMap<>();
            StringBuilder base64 = new StringBuilder();
            for (String line : matcher.group(2).split("\\r?\\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip());
                } else {
                    base64.append(line.strip());
                }
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                // A damaged block is reported by its type only: its text is key material.
                der = new byte[0];
            }
            blocks.add(new PemBlock(matcher.group(1), headers, der));
        }
        return blocks;
    }

    /** The PEM text of {@code der} under {@code type}, 64 characters a line, as OpenSSL and Go write it. */
    static String encode(String type, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder pem = new StringBuilder("-----BEGIN " + type + "-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END ").append(type).append("-----\n").toString();
    }
}
