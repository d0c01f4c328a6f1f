package dev.gomvn.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The CNCF distribution registry on 127.0.0.1 and a free port, storing under a test's directory; with a login
 * (htpasswd, bcrypt) when asked. src/it/servers/provision.sh builds it from the Go module proxy once and caches it
 * (the path comes from the system property {@code gomvn.provisionTestServer}, set by go-core's POM). A registry
 * that cannot be had fails the test: a push test that skips proves nothing.
 */
final class TestRegistry implements AutoCloseable {
    static final String USER = "ci";
    static final String PASSWORD = "registry-s3cret";
    /** bcrypt (cost 4) of {@link #PASSWORD}. */
    private static final String BCRYPT = "$2b$04$vChrdElv2BrOIdr5LJA1oOs3lveJoLXTKNapF.CP54D.vAVmP2G8C";

    private final Process process;
    final String host;
    private final boolean login;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestRegistry(Process process, String host, boolean login) {
        this.process = process;
        this.host = host;
        this.login = login;
    }

    static TestRegistry start(Path directory, boolean withLogin) {
        try {
            Path binary = provision("registry");
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(directory);
            String auth = "";
            if (withLogin) {
                Files.writeString(directory.resolve("htpasswd"), USER + ":" + BCRYPT + "\n");
                auth = "auth:\n  htpasswd:\n    realm: gomvn-test\n    path: " + directory.resolve("htpasswd") + "\n";
            }
            Files.writeString(
                    directory.resolve("config.yml"),
                    "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                            + directory.resolve("storage") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:"
                            + port
                            + "\n" + auth);
            Process process = new ProcessBuilder(
                            binary.toString(),
                            "serve",
                            directory.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("registry.log").toFile())
                    .start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException e) {
                    if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                        process.destroy();
                        throw new AssertionError("docker-registry did not listen on " + port + ": "
                                + Files.readString(directory.resolve("registry.log")));
                    }
                    Thread.sleep(50);
                }
            }
            return new TestRegistry(process, "127.0.0.1:" + port, withLogin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The path of a server or tool src/it/servers/provision.sh builds (registry, crane, cosign). */
    static Path provision(String name) throws IOException, InterruptedException {
        String script = System.getProperty("gomvn.provisionTestServer");
        if (script == null) {
            throw new AssertionError(
                    "System property gomvn.provisionTestServer is not set: run the tests through Maven "
                            + "(go-core's POM sets it to src/it/servers/provision.sh)");
        }
        Process provision = new ProcessBuilder("bash", script, name)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String path = new String(provision.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (provision.waitFor() != 0 || path.isEmpty()) {
            throw new AssertionError(script + " " + name + " failed (its output is above)");
        }
        return Path.of(path);
    }

    /** GET through the registry API, as a client that pulls would: {@code /v2/<repo>/manifests/<ref>} and blobs. */
    HttpResponse<byte[]> get(String path, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://" + host + path)).header("Accept", accept);
        if (login) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
