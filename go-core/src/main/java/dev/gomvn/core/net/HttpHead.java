package dev.gomvn.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The HTTP/1.1 heads {@link ProxyTunnelRelay} reads and writes: CONNECT requests and the proxy's answers. */
final class HttpHead {
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private HttpHead() {}

    /** The request or status line and the header lines, or null when the peer closed before sending anything. */
    static List<String> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // tolerated before a request line (RFC 9112, 2.2)
                    }
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (total == 0) {
            return null;
        }
        throw new IOException("connection closed in the middle of an HTTP head");
    }

    /** A bodiless answer that ends the connection. */
    static void answer(OutputStream out, int status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + phrase(status) + "\r\n" + headers
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The status of a status line, or -1 when it is none. */
    static int statusOf(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            return -1;
        }
        return Integer.parseInt(parts[1]);
    }

    /** The reason phrase, printable characters only (it ends up in an error message). */
    static String reasonOf(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        String reason = parts.length < 3
                ? ""
                : parts[2].replaceAll("[^\\x20-\\x7E]", "").strip();
        return reason.isEmpty() ? "" : " " + (reason.length() > 80 ? reason.substring(0, 80) : reason);
    }

    private static String phrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 403:
                return "Forbidden";
            case 405:
                return "Method Not Allowed";
            case 407:
                return "Proxy Authentication Required";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Tunnel Refused";
        }
    }
}
