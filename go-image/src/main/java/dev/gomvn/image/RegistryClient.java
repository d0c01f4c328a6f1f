package dev.gomvn.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.HttpTransport;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.RetryableException;
import dev.gomvn.core.net.TransportRequest;
import dev.gomvn.core.net.TransportResponse;
import dev.gomvn.core.net.UnreachableException;
import dev.gomvn.core.net.UrlLogin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one place that speaks the OCI distribution protocol, over the {@link HttpTransport} every other download uses
 * (settings.xml proxies, timeouts, retries, the redirect policy): blobs (existence, upload, cross-repository mount,
 * download checked against its digest) and manifests, which are sent and read as exact bytes so their digests are the
 * ones gomvn computed. Logins are {@link RegistryAuth}'s. Failures become messages naming the registry and what to do.
 */
final class RegistryClient {
    private static final String ACCEPT = String.join(", ", MediaTypes.ACCEPTED);
    private final String registry;
    private final String parameter;
    private final RegistryLogin login;
    private final boolean insecure;
    private final HttpTransport transport;
    private final RegistryAuth auth;

    RegistryClient(
            String registry,
            RegistryLogin login,
            boolean insecure,
            String parameter,
            NetworkSettings network,
            GoLog log) {
        this.registry = registry;
        this.parameter = parameter;
        this.login = login;
        this.insecure = insecure;
        this.transport = new HttpTransport(network, log, parameter);
        this.auth = new RegistryAuth(registry, login, insecure, transport);
    }

    /** Whether the repository has the blob: asked with push rights, since only a push asks. */
    boolean hasBlob(String repository, String digest) {
        String action = "check blob " + digest + " in " + repository;
        TransportRequest request = TransportRequest.head(apiUri(repository, "blobs/" + digest));
        int status = send(action, request, push(repository), TransportResponse::status);
        if (status == 404) {
            return false;
        }
        check(status, action, "");
        return true;
    }

    /**
     * Uploads a blob in two requests: a POST opens the upload, a PUT sends the file and its digest. Not a single
     * POST with the whole file, which the distribution registry answers without reading (it has no single-request
     * upload) so that the file would travel twice; nor chunks, which cost a request each.
     */
    void pushBlob(String repository, Path file, String digest) {
        pushBlob(repository, TransportRequest.Body.of(file), digest);
    }

    /**
     * Uploads a blob held in memory (a signature's payload, a config, a referrer's document) unless the repository
     * has it already; returns its digest.
     */
    String pushBlobIfMissing(String repository, byte[] bytes) {
        String digest = OciDescriptor.digestOf(bytes);
        if (!hasBlob(repository, digest)) {
            pushBlob(repository, TransportRequest.Body.of(bytes), digest);
        }
        return digest;
    }

    private void pushBlob(String repository, TransportRequest.Body body, String digest) {
        String action = "upload blob " + digest + " to " + repository;
        TransportRequest open = TransportRequest.post(apiUri(repository, "blobs/uploads/"), TransportRequest.Body.NONE);
        URI upload = send(action, open, push(repository), response -> {
            check(response, action);
            String location = response.header("Location").orElse("");
            if (location.isBlank()) {
                throw new EnvironmentException("The registry " + registry + " could not " + action
                        + ": it opened the upload without saying where to send it (no Location header).");
            }
            return response.uri().resolve(location);
        });
        URI complete = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        // Once: the PUT ends the upload session, which a second one would no longer find.
        TransportRequest put = TransportRequest.put(complete, body)
                .header("Content-Type", "application/octet-stream")
                .once();
        send(action, put, push(repository), response -> check(response, action));
    }

    /**
     * Asks the registry to link a blob it holds in another repository: no bytes travel. A registry that cannot (202)
     * opens an upload instead, which is left to expire: {@link #pushBlob} opens its own.
     */
    boolean mountBlob(String repository, String digest, String fromRepository) {
        String action = "mount blob " + digest + " from " + fromRepository + " into " + repository;
        TransportRequest request = TransportRequest.post(
                apiUri(repository, "blobs/uploads/?mount=" + digest + "&from=" + fromRepository),
                TransportRequest.Body.NONE);
        List<String> scopes =
                List.of("repository:" + repository + ":pull,push", "repository:" + fromRepository + ":pull");
        int status = send(action, request, scopes, TransportResponse::status);
        if (status == 201) {
            return true;
        }
        check(status, action, "");
        return false;
    }

    /**
     * Downloads a blob to {@code target}, checking its digest on the way: bytes that do not match are not stored.
     * Registries redirect blob downloads to storage elsewhere; the login is not sent there.
     */
    void fetchBlob(String repository, String digest, Path target) {
        String action = "download blob " + digest + " from " + repository;
        TransportRequest request = TransportRequest.get(apiUri(repository, "blobs/" + digest));
        try {
            AtomicFiles.replace(
                    target,
                    partial -> send(action, request, pull(repository), response -> {
                        check(response, action);
                        MessageDigest sha256 = Sha256.newDigest();
                        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                            response.copyTo(out, 0, written -> {});
                        }
                        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
                        if (!actual.equals(digest)) {
                            throw new VerificationException(
                                    "The registry " + registry + " answered the request to " + action
                                            + " with other bytes (Digest mismatch: " + actual + " != " + digest
                                            + "): the blob was "
                                            + "altered in the registry or on the way, and nothing was stored. Check the image that "
                                            + parameter + " names and who can write to that registry.");
                        }
                        return null;
                    }));
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not store blob " + digest + " at " + target + ": " + e.getMessage(), e);
        }
    }

    /** A small blob (a signature's payload, an attestation, a config) in memory, checked against its digest. */
    byte[] blob(String repository, String digest) {
        String action = "download blob " + digest + " from " + repository;
        TransportRequest request = TransportRequest.get(apiUri(repository, "blobs/" + digest));
        return send(action, request, pull(repository), response -> {
            check(response, action);
            byte[] bytes = response.bytes();
            if (!OciDescriptor.digestOf(bytes).equals(digest)) {
                throw new VerificationException("The registry " + registry + " answered the request to " + action
                        + " with other bytes (" + OciDescriptor.digestOf(bytes) + "): the blob was altered in the "
                        + "registry or on the way. Check who can write to " + registry + "/" + repository + ".");
            }
            return bytes;
        });
    }

    /**
     * Whether the repository holds the manifest or index with this digest, asked with push rights as {@link #hasBlob}.
     * A registry takes an index only once it holds what the index names, so one that holds it holds the image.
     */
    boolean hasManifest(String repository, String digest) {
        String action = "check image " + digest + " in " + repository;
        TransportRequest request =
                TransportRequest.head(manifestUri(repository, digest)).header("Accept", ACCEPT);
        int status = send(action, request, push(repository), TransportResponse::status);
        if (status == 404) {
            return false;
        }
        check(status, action, "");
        return true;
    }

    /** A manifest or index as the registry holds it, checked against the digest when the reference is one. */
    FetchedManifest manifest(String repository, String reference) {
        String action = "read manifest " + repository + ":" + reference;
        TransportRequest request =
                TransportRequest.get(manifestUri(repository, reference)).header("Accept", ACCEPT);
        return send(action, request, pull(repository), response -> {
            check(response, action);
            byte[] bytes = response.bytes();
            String digest = OciDescriptor.digestOf(bytes);
            if (reference.startsWith("sha256:") && !reference.equals(digest)) {
                throw new VerificationException(registry + "/" + repository + "@" + reference
                        + " came back with digest " + digest + ": the registry did not send what was asked.");
            }
            String mediaType = response.header("Content-Type").orElse("");
            return new FetchedManifest(
                    bytes,
                    mediaType.contains(";")
                            ? mediaType.substring(0, mediaType.indexOf(';')).strip()
                            : mediaType,
                    digest,
                    response.header("Docker-Content-Digest").map(String::strip));
        });
    }

    /**
     * Puts a manifest or index under a digest or tag, exactly as given; returns the {@code OCI-Subject} header, which
     * a registry with the referrers API sends when the manifest has a subject.
     */
    Optional<String> putManifest(String repository, String reference, byte[] bytes, String mediaType) {
        String action = "write manifest " + repository + ":" + reference;
        TransportRequest request = TransportRequest.put(
                        manifestUri(repository, reference), TransportRequest.Body.of(bytes))
                .header("Content-Type", mediaType);
        return send(action, request, push(repository), response -> {
            check(response, action);
            return response.header("OCI-Subject").map(String::strip);
        });
    }

    /** @param headerDigest what the registry's {@code Docker-Content-Digest} header says, if it sends one */
    record FetchedManifest(byte[] bytes, String mediaType, String digest, Optional<String> headerDigest) {}

    /**
     * Sends {@code request} with what {@link RegistryAuth} earned for {@code scopes}; a 401 is answered once, by
     * logging in as its challenge asks, and the request sent again.
     */
    private <T> T send(String action, TransportRequest request, List<String> scopes, HttpTransport.Reader<T> reader) {
        try {
            return transport.withRetries(request, exchange -> {
                TransportResponse response = exchange.send(auth.authorize(request, scopes));
                if (response.status() == 401) {
                    response.close();
                    if (auth.answer(response.header("WWW-Authenticate"), scopes)) {
                        response = exchange.send(auth.authorize(request, scopes));
                    } else {
                        throw failure(401, action, "");
                    }
                }
                try (TransportResponse answer = response) {
                    return reader.read(answer);
                }
            });
        } catch (UnreachableException e) {
            throw connectionFailure(action, e);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not " + action + " at the registry " + registry + ": " + e.getMessage(), e);
        }
    }

    private URI manifestUri(String repository, String reference) {
        return apiUri(repository, "manifests/" + reference);
    }

    /** {@code <scheme>://<api host>/v2/<repository>/<path>}; Docker Hub's API host is not its name (docker.io). */
    private URI apiUri(String repository, String path) {
        String apiHost = DockerCredentials.isDockerHub(registry) ? "registry-1.docker.io" : registry;
        return URI.create((insecure ? "http" : "https") + "://" + apiHost + "/v2/" + repository + "/" + path);
    }

    private static List<String> pull(String repository) {
        return List.of("repository:" + repository + ":pull");
    }

    private static List<String> push(String repository) {
        return List.of("repository:" + repository + ":pull,push");
    }

    private Void check(TransportResponse response, String action) throws IOException {
        if (response.status() < 200 || response.status() >= 300) {
            check(response.status(), action, errorOf(response.bytes()));
        }
        return null;
    }

    private void check(int status, String action, String detail) {
        if (status < 200 || status >= 300) {
            throw failure(status, action, detail);
        }
    }

    private RuntimeException failure(int status, String action, String detail) {
        if (status == 401 || status == 403) {
            return new ConfigurationException(
                    "settings.xml",
                    "The registry " + registry + " refused to " + action + " (HTTP " + status
                            + (status == 401 ? " Unauthorized" : " Forbidden")
                            + ") with the login from " + login
                            + "; put a <username> and <password> allowed to push there into the settings.xml <server> with <id>"
                            + login.serverId() + "</id> (or log in with docker login " + registry + ").");
        }
        return new EnvironmentException("The registry " + registry + " could not " + action + ": HTTP " + status
                + (detail.isBlank() ? "" : " " + UrlLogin.redact(detail.strip())));
    }

    /** The first error of a distribution error body ({@code {"errors":[{"code":..,"message":..}]}}), if it is one. */
    private static String errorOf(byte[] body) {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonObject() && json.getAsJsonObject().has("errors")) {
                JsonObject error =
                        json.getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject();
                return error.get("code").getAsString() + ": "
                        + error.get("message").getAsString();
            }
        } catch (JsonParseException | IllegalStateException | IndexOutOfBoundsException | NullPointerException e) {
            // Not the protocol's error body: the status says it all.
        }
        return "";
    }

    private static boolean unknownHost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private RuntimeException connectionFailure(String action, UnreachableException e) {
        Throwable io = null;
        String retried = null;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryableException && retried == null) {
                retried = cause.getMessage();
            }
            if (cause instanceof IOException && io == null) {
                io = cause;
            }
            if (cause instanceof SSLException && !insecure) {
                return new ConfigurationException(
                        "go.image.allowInsecureRegistries",
                        "The registry " + registry + " did not answer over HTTPS (" + cause.getMessage()
                                + "); if it is a plain-http registry you trust, set <allowInsecureRegistries>true</allowInsecureRegistries> (go.image.allowInsecureRegistries).",
                        e);
            }
        }
        String why = unknownHost(e)
                ? "unknown host"
                : io instanceof ConnectException || io instanceof HttpConnectTimeoutException
                        ? "nothing answers there"
                        : retried != null ? retried : e.reason();
        EnvironmentException unreachable = new EnvironmentException("Could not reach the registry " + registry + " to "
                + action + " (" + why + (io == null ? "" : ", " + io.getClass().getSimpleName())
                + "); check the registry in " + parameter + " and the network.");
        // Kept for -e, but not as the cause: Maven would append the message of every cause (the JDK's bare
        // exception names) to the one that says what to do.
        unreachable.addSuppressed(e);
        return unreachable;
    }
}
