package dev.gomvn.core.buildcache;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.net.Credentials;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.net.UrlLogin;
import dev.gomvn.core.process.PerRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

/**
 * The store's URL and login (and the settings.xml proxy login) for one go run, in a file of its own that only that run's cache program reads. go
 * hands its environment to every test binary, cgo compiler and tool it runs, and caches a passing test's output
 * (uploading it to the store): a login in the environment would be readable by the user's tests and could end up
 * in the store. The file is readable by its owner only, in a directory only its owner may list; the cache program
 * deletes it as it starts, before go runs anything, and gomvn deletes it when the go run has ended, also when go
 * never started the program. A go run without it (a test that runs go itself) uses the local directory only.
 */
final class StoreAccessFiles implements PerRun {
    /** The file's path, the only store setting in go's environment. */
    static final String VARIABLE = "GOMVN_CACHE_STORE_FILE";

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final String content;

    StoreAccessFiles(Path directory, BuildCacheSettings settings) {
        this.directory = directory;
        Credentials login = settings.credentials() != null
                ? settings.credentials()
                : UrlLogin.credentials(settings.url(), "go.buildCache.url").orElse(null);
        JsonObject json = new JsonObject();
        json.addProperty("url", UrlLogin.withoutLogin(settings.url()).toString());
        if (login != null) {
            json.addProperty("username", login.username() == null ? "" : login.username());
            json.addProperty("password", login.password() == null ? "" : login.password());
        }
        if (settings.proxyLogin().present()) {
            // The proxies of go's environment are there without their login; the program adds it back.
            JsonArray proxies = new JsonArray();
            for (ProxySettings proxy : settings.proxyLogin().proxies()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("hostPort", proxy.host() + ":" + proxy.port());
                entry.addProperty("username", proxy.username());
                entry.addProperty("password", proxy.password() == null ? "" : proxy.password());
                proxies.add(entry);
            }
            json.add("proxyLogins", proxies);
        }
        this.content = json.toString();
    }

    @Override
    public Opened open() {
        Path file = directory.resolve("store-" + UUID.randomUUID() + ".json");
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, privately("rwx------"));
            }
            Files.createFile(file, privately("rw-------"));
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new EnvironmentException(
                    "Could not write the shared build cache's store settings to " + file + ": " + e.getMessage(), e);
        }
        return new Opened(Map.of(VARIABLE, file.toString()), () -> deleteQuietly(file));
    }

    private static FileAttribute<?>[] privately(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The run directory is emptied when the next goal starts; nothing else reads the file.
        }
    }
}
