package dev.gomvn.image;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.net.UrlLogin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import land.oras.ContainerRef;
import land.oras.Registry;
import land.oras.auth.AuthProvider;
import land.oras.auth.AuthStore;
import land.oras.auth.AuthStoreAuthenticationProvider;
import land.oras.auth.HttpClient;
import land.oras.auth.Scope;
import land.oras.auth.Scopes;
import land.oras.auth.UsernamePasswordProvider;
import land.oras.exception.OrasException;

/**
 * The one place that speaks the registry protocol, through the ORAS Java SDK: its {@link Registry} for blobs (existence,
 * upload, cross-repository mount, download) with its token and credential-helper handling, and its HTTP client for
 * manifests, which are sent and read as exact bytes so their digests are the ones gomvn computed (the SDK's own
 * manifest model would re-serialize them). Failures become messages naming the registry and what to do.
 */
final class RegistryClient {
    private static final String ACCEPT = String.join(", ", MediaTypes.ACCEPTED);
    private final String registry;
    private final String parameter;
    private final RegistryLogin login;
    private final boolean insecure;
    private final Registry oras;
    private final HttpClient http;
    private final AuthProvider auth;

    RegistryClient(String registry, RegistryLogin login, boolean insecure, String parameter) {
        this.registry = registry;
        this.parameter = parameter;
        this.login = login;
        this.insecure = insecure;
        this.auth = login.credentials()
                .<AuthProvider>map(
                        credentials -> new UsernamePasswordProvider(credentials.username(), credentials.password()))
                .orElseGet(() -> new AuthStoreAuthenticationProvider(AuthStore.newStore(login.authFiles())));
        this.oras = Registry.builder()
                .withAuthProvider(auth)
                .withInsecure(insecure)
                .withParallelism(1)
                .build();
        this.http = HttpClient.Builder.builder().build();
    }

    boolean hasBlob(String repository, String digest) {
        return call("check blob " + digest + " in " + repository, () -> {
            try {
                oras.fetchBlobDescriptor(ref(repository, digest));
                return true;
            } catch (OrasException e) {
                if (Integer.valueOf(404).equals(e.getStatusCode())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Uploads a blob in two requests: a POST opens the upload, a PUT sends the file and its digest. Not the SDK's
     * pushBlob, which first sends the whole file in a POST that the distribution registry answers without reading
     * (it has no single-request upload) and then again in the PUT, and hashes the file twice before: a second per
     * 8 MiB layer on a local registry.
     */
    void pushBlob(String repository, Path file, String digest) {
        String action = "upload blob " + digest + " to " + repository;
        Scopes scopes = scopes(repository, Scope.PULL, Scope.PUSH);
        HttpClient.ResponseWrapper<String> opened = call(
                action, () -> http.post(apiUri(repository, "blobs/uploads/"), new byte[0], Map.of(), scopes, auth));
        check(opened, action);
        String location = opened.headers().get("location");
        if (location == null || location.isBlank()) {
            throw new EnvironmentException("The registry " + registry + " could not " + action
                    + ": it opened the upload without saying where to send it (no Location header).");
        }
        URI upload = apiUri(repository, "").resolve(location);
        URI complete = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        HttpClient.ResponseWrapper<String> sent = call(
                action,
                () -> http.upload(
                        "PUT", complete, Map.of("Content-Type", "application/octet-stream"), file, scopes, auth));
        check(sent, action);
    }

    /** Asks the registry to link a blob it holds in another repository: no bytes travel. */
    boolean mountBlob(String repository, String digest, String fromRepository) {
        return call(
                "mount blob " + digest + " from " + fromRepository + " into " + repository,
                () -> oras.mountBlob(ref(fromRepository, digest), ref(repository, digest)));
    }

    void fetchBlob(String repository, String digest, Path target) {
        String action = "download blob " + digest + " from " + repository;
        call(action, () -> {
            try {
                oras.fetchBlob(ref(repository, digest), target);
            } catch (OrasException e) {
                // The SDK checks the digest itself and reports a mismatch like any failure: the registry answered.
                if (String.valueOf(e.getMessage()).startsWith("Digest mismatch")) {
                    throw new VerificationException("The registry " + registry + " answered the request to " + action
                            + " with other bytes (" + e.getMessage() + "): the blob was altered in the registry or on "
                            + "the way, and nothing was stored. Check the image that " + parameter
                            + " names and who can write to that registry.");
                }
                throw e;
            }
            return null;
        });
    }

    /** A manifest or index as the registry holds it, checked against the digest when the reference is one. */
    FetchedManifest manifest(String repository, String reference) {
        HttpClient.ResponseWrapper<String> response = call(
                "read manifest " + repository + ":" + reference,
                () -> http.get(
                        manifestUri(repository, reference),
                        Map.of("Accept", ACCEPT),
                        scopes(repository, Scope.PULL),
                        auth));
        check(response, "read manifest " + repository + ":" + reference);
        byte[] bytes = response.response().getBytes(StandardCharsets.UTF_8);
        String digest = OciDescriptor.digestOf(bytes);
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new VerificationException(registry + "/" + repository + "@" + reference + " came back with digest "
                    + digest + ": the registry did not send what was asked.");
        }
        String mediaType = response.headers().getOrDefault("content-type", "");
        return new FetchedManifest(
                bytes,
                mediaType.contains(";") ? mediaType.substring(0, mediaType.indexOf(';')) : mediaType,
                digest,
                Optional.ofNullable(response.headers().get("docker-content-digest"))
                        .map(String::strip));
    }

    /** Puts a manifest or index under a digest or tag, exactly as given. */
    void putManifest(String repository, String reference, byte[] bytes, String mediaType) {
        String action = "write manifest " + repository + ":" + reference;
        HttpClient.ResponseWrapper<String> response = call(
                action,
                () -> http.put(
                        manifestUri(repository, reference),
                        bytes,
                        Map.of("Content-Type", mediaType),
                        scopes(repository, Scope.PULL, Scope.PUSH),
                        auth));
        check(response, action);
    }

    /** @param headerDigest what the registry's {@code Docker-Content-Digest} header says, if it sends one */
    record FetchedManifest(byte[] bytes, String mediaType, String digest, Optional<String> headerDigest) {}

    private URI manifestUri(String repository, String reference) {
        return apiUri(repository, "manifests/" + reference);
    }

    /** {@code <scheme>://<api host>/v2/<repository>/<path>}; Docker Hub's API host is not its name (docker.io): the SDK knows the mapping. */
    private URI apiUri(String repository, String path) {
        String apiHost = ContainerRef.parse(registry + "/" + repository).getApiRegistry();
        return URI.create((insecure ? "http" : "https") + "://" + apiHost + "/v2/" + repository + "/" + path);
    }

    private ContainerRef ref(String repository, String digest) {
        return ContainerRef.parse(registry + "/" + repository + "@" + digest);
    }

    private Scopes scopes(String repository, Scope... scopes) {
        return Scopes.of(ContainerRef.parse(registry + "/" + repository), scopes);
    }

    private void check(HttpClient.ResponseWrapper<String> response, String action) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        throw failure(status, action, response.response());
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (OrasException e) {
            // The SDK reports a request that got no answer at all as status -1, with the I/O failure as cause.
            if (e.getStatusCode() != null && e.getStatusCode() > 0) {
                throw failure(
                        e.getStatusCode(),
                        action,
                        e.getError() == null ? e.getMessage() : e.getError().message());
            }
            throw connectionFailure(action, e);
        } catch (RuntimeException e) {
            if (e instanceof GoCoreException) {
                throw e;
            }
            throw connectionFailure(action, e);
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
                + (detail == null || detail.isBlank() ? "" : " " + UrlLogin.redact(detail.strip())));
    }

    private RuntimeException connectionFailure(String action, RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SSLException && !insecure) {
            return new ConfigurationException(
                    "go.image.allowInsecureRegistries",
                    "The registry " + registry + " did not answer over HTTPS (" + cause.getMessage()
                            + "); if it is a plain-http registry you trust, set <allowInsecureRegistries>true</allowInsecureRegistries> (go.image.allowInsecureRegistries).",
                    e);
        }
        String why = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                ? "nothing answers there"
                : cause instanceof UnknownHostException ? "unknown host" : String.valueOf(cause.getMessage());
        EnvironmentException unreachable = new EnvironmentException("Could not reach the registry " + registry + " to "
                + action + " (" + why + ", " + cause.getClass().getSimpleName()
                + "); check the registry in " + parameter + " and the network.");
        // Kept for -e, but not as the cause: Maven would append the message of every cause (the SDK's "Unable to
        // create HTTP request", the JDK's bare exception names) to the one that says what to do.
        unreachable.addSuppressed(e);
        return unreachable;
    }
}
