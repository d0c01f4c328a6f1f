package dev.gomvn.core.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A GOPROXY directory ({@code file://}) with modules a test creates: the go command downloads,
 * hashes and verifies them exactly as it would from proxy.golang.org, with no network.
 */
public final class LocalGoProxy {
    private final Path root;

    public LocalGoProxy(Path root) {
        this.root = root;
    }

    /**
     * Publishes {@code module@version} with the given files (go.mod is written for you).
     *
     * @param requirements go.mod's requirements, each {@code "path version"}
     */
    public LocalGoProxy publish(String module, String version, Map<String, String> files, String... requirements)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(escape(module)).resolve("@v"));
        StringBuilder goMod = new StringBuilder("module " + module + "\n\ngo 1.21\n");
        for (String requirement : requirements) {
            goMod.append("\nrequire ").append(requirement).append('\n');
        }
        Files.writeString(dir.resolve(version + ".mod"), goMod.toString());
        Files.writeString(
                dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(version + ".zip")))) {
            Map<String, String> all = new LinkedHashMap<>(files);
            all.put("go.mod", goMod.toString());
            for (Map.Entry<String, String> file : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(module + "@" + version + "/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path list = dir.resolve("list");
        String existing = Files.exists(list) ? Files.readString(list) : "";
        try (OutputStream out = Files.newOutputStream(list)) {
            out.write((existing + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    public String url() {
        return root.toUri().toString();
    }

    /**
     * The environment a test's go runs with against this proxy: its own module cache (writable, so the
     * test can delete it), no checksum database for the test modules, no GOENV file of the developer's.
     */
    public Map<String, String> goEnvironment(Path moduleCache) {
        return new HashMap<>(InstalledGoForTests.processEnvironmentWith(Map.of(
                "GOPROXY", url(),
                "GONOSUMDB", "example.test",
                "GOFLAGS", "-modcacherw",
                "GOMODCACHE", moduleCache.toString(),
                "GOENV", "off")));
    }

    /** Go's case encoding of module paths in proxies: upper-case letters become '!' + lower case. */
    static String escape(String module) {
        StringBuilder escaped = new StringBuilder();
        for (char c : module.toCharArray()) {
            escaped.append(Character.isUpperCase(c) ? "!" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return escaped.toString();
    }
}
