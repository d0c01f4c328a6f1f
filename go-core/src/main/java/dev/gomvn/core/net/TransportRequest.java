package dev.gomvn.core.net;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request for {@link HttpTransport}. Immutable, and its body is bytes or a file rather than a stream, so that every
 * attempt, redirect and login challenge can send it again.
 *
 * @param headers    sent with the request; an {@code Authorization} among them reaches the origin of {@code uri}
 *                   only, never a host a redirect leads to
 * @param idempotent whether a failed attempt may be repeated: GET, HEAD and the PUT of a manifest are, POST is not
 */
public record TransportRequest(String method, URI uri, Map<String, String> headers, Body body, boolean idempotent) {

    public TransportRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static TransportRequest get(URI uri) {
        return new TransportRequest("GET", uri, Map.of(), Body.NONE, true);
    }

    public static TransportRequest head(URI uri) {
        return new TransportRequest("HEAD", uri, Map.of(), Body.NONE, true);
    }

    /** A PUT that may be repeated, such as that of a manifest: the same bytes under the same name. */
    public static TransportRequest put(URI uri, Body body) {
        return new TransportRequest("PUT", uri, Map.of(), body, true);
    }

    public static TransportRequest post(URI uri, Body body) {
        return new TransportRequest("POST", uri, Map.of(), body, false);
    }

    public TransportRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TransportRequest(method, uri, more, body, idempotent);
    }

    /** The same request, sent once whatever happens: e.g. a PUT that completes an upload session. */
    public TransportRequest once() {
        return new TransportRequest(method, uri, headers, body, false);
    }

    /** Whether redirects are followed: for reads only, where following one cannot repeat a change. */
    boolean followsRedirects() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** {@code download <uri>} or {@code PUT <uri>}: what the request does, for messages. */
    String action() {
        return method.equals("GET") ? "download " + uri : method + " " + uri;
    }

    /** {@code Downloading <uri>} or {@code PUT <uri>}: the subject of a sentence in a message. */
    String subject() {
        return method.equals("GET") ? "Downloading " + uri : method + " " + uri;
    }

    /** What a request sends: nothing, bytes, or a file read anew for each attempt. */
    public record Body(byte[] bytes, Path file) {
        public static final Body NONE = new Body(new byte[0], null);

        public static Body of(byte[] bytes) {
            return new Body(bytes, null);
        }

        public static Body of(Path file) {
            return new Body(null, file);
        }

        /** How many bytes it sends. */
        long size() {
            try {
                return file == null ? bytes.length : Files.size(file);
            } catch (java.io.IOException e) {
                // A file that cannot be read fails when the request is sent, with a message naming it.
                return 0;
            }
        }

        HttpRequest.BodyPublisher publisher() throws FileNotFoundException {
            if (file != null) {
                return HttpRequest.BodyPublishers.ofFile(file);
            }
            return bytes.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
        }

        @Override
        public String toString() {
            return file != null ? file.toString() : bytes.length + " bytes";
        }
    }
}
