package dev.gomvn.core.buildcache;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.provision.install.FileTrees;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The GOCACHEPROG program: a small Go program shipped as source with gomvn, built once by the provisioned Go
 * and kept beside the SDKs, one directory per Go version, platform and source digest, so a new gomvn or another
 * Go builds its own. The binary's SHA-256 is recorded when it is built and checked before every use: a
 * truncated or altered binary is rebuilt, never run.
 */
public final class CacheProgram {
    /** The program's files, one concept each: all are compiled, and all are in the digest that names the build. */
    static final List<String> SOURCES = List.of(
            "main.go",
            "settings.go",
            "protocol.go",
            "cache.go",
            "local.go",
            "store.go",
            "client.go",
            "uploads.go",
            "prefetch.go",
            "stats.go");

    static final String SOURCE_DIRECTORY = "cacheprog/";
    static final String NAME = "gomvn-cacheprog";
    private static final String DIGEST_FILE = NAME + ".sha256";

    /** Variables of the user's build that would make the program a cross build, a cgo build or a module of theirs. */
    private static final List<String> NOT_FOR_THE_PROGRAM = List.of(
            "GOOS",
            "GOARCH",
            "GOFLAGS",
            "GOCACHEPROG",
            "GOEXPERIMENT",
            "GOARM",
            "GOARM64",
            "GOAMD64",
            "GO386",
            "GOMIPS",
            "GOMIPS64",
            "GOPPC64",
            "GORISCV64",
            "GOWASM",
            "GOWORK",
            "CGO_ENABLED");

    private CacheProgram() {}

    /** The program's source as shipped, by file name. */
    static Map<String, byte[]> sources() {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : SOURCES) {
            try (InputStream in = CacheProgram.class.getResourceAsStream(SOURCE_DIRECTORY + name)) {
                if (in == null) {
                    throw new IllegalStateException(SOURCE_DIRECTORY + name + " is missing from gomvn's jar");
                }
                sources.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /** Of every file, name and length included: moving code from one file to another is another program. */
    static String digest(Map<String, byte[]> sources) {
        MessageDigest digest = Sha256.newDigest();
        sources.forEach((name, content) -> {
            digest.update((name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The built program, built now if this Go has none yet or the one recorded no longer has its digest. */
    public static Path install(Toolchain toolchain, Path sdkDirectory, Map<String, String> environment, GoLog log) {
        Map<String, byte[]> sources = sources();
        String key = toolchain.version().withGoPrefix() + "-"
                + toolchain.platform().key() + "-" + digest(sources).substring(0, 16);
        Path directory = sdkDirectory.resolve("cacheprog").resolve(key);
        Path program = directory.resolve(NAME + toolchain.platform().executableSuffix());
        if (intact(directory, program)) {
            return program;
        }
        if (Files.exists(directory)) {
            log.warn("The shared build cache's program in " + directory + " does not have the SHA-256 recorded when"
                    + " it was built; building it again.");
            FileTrees.deleteQuietly(directory);
        }
        Path temporary = sdkDirectory.resolve("cacheprog").resolve(".tmp-" + UUID.randomUUID());
        try {
            build(toolchain, sources, temporary, temporary.resolve(program.getFileName()), environment, log);
            try {
                Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // A parallel build (another module, another Maven) installed it first: use theirs if intact.
                if (!intact(directory, program)) {
                    throw new EnvironmentException("The shared build cache's program in " + directory
                            + " was installed by another build but does not have its recorded SHA-256; delete "
                            + directory + " and build again.");
                }
            }
            return program;
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not install the shared build cache's program in " + directory + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temporary);
        }
    }

    private static void build(
            Toolchain toolchain,
            Map<String, byte[]> sources,
            Path directory,
            Path program,
            Map<String, String> environment,
            GoLog log)
            throws IOException {
        Files.createDirectories(directory);
        Path module = directory.resolve("src");
        Files.createDirectories(module);
        for (Map.Entry<String, byte[]> source : sources.entrySet()) {
            Files.write(module.resolve(source.getKey()), source.getValue());
        }
        Files.writeString(
                module.resolve("go.mod"),
                "module gomvn.dev/cacheprog\n\ngo " + toolchain.version().languageVersion() + "\n",
                StandardCharsets.UTF_8);
        Map<String, String> programEnvironment = new LinkedHashMap<>(environment);
        NOT_FOR_THE_PROGRAM.forEach(programEnvironment::remove);
        programEnvironment.put("CGO_ENABLED", "0");
        programEnvironment.put("GOWORK", "off");
        programEnvironment.put("GOPROXY", "off"); // standard library only: nothing to download
        log.info("Building the shared build cache's program with Go " + toolchain.version() + " (once per Go version)");
        GoProcessResult result = GoCommand.of(toolchain.goRoot(), "build", "-trimpath", "-o", program.toString(), ".")
                .in(module)
                .environment(programEnvironment)
                .log(log)
                .timeout(Duration.ofMinutes(10))
                .run();
        if (!result.succeeded()) {
            throw new EnvironmentException("Could not build the shared build cache's program with Go "
                    + toolchain.version() + " ('" + result.commandLine() + "' exited with " + result.exitCode()
                    + "):\n  " + String.join("\n  ", result.tail()));
        }
        Files.writeString(directory.resolve(DIGEST_FILE), Sha256.of(program) + "\n", StandardCharsets.UTF_8);
        FileTrees.delete(module);
    }

    private static boolean intact(Path directory, Path program) {
        Path digest = directory.resolve(DIGEST_FILE);
        if (!Files.isRegularFile(program) || !Files.isRegularFile(digest)) {
            return false;
        }
        try {
            return Files.readString(digest, StandardCharsets.UTF_8).strip().equals(Sha256.of(program));
        } catch (IOException e) {
            return false;
        }
    }
}
