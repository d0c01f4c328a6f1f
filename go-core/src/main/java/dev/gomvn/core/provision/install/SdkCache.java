package dev.gomvn.core.provision.install;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Verified Go SDKs, one directory per version and platform ({@code go1.22.5.linux-amd64/}). A
 * directory counts only with its marker file, written last, just before the atomic rename into
 * place: so a build killed at any moment leaves either nothing or a complete, verified SDK. A cache
 * hit reads the marker and nothing else: no hashing, no process.
 */
public final class SdkCache {
    static final String MARKER = ".gomvn-verified";
    private static final String TEMPORARY = ".tmp";

    private final Path root;
    private final GoLog log;
    private final Duration lockTimeout;

    public SdkCache(Path root, GoLog log, Duration lockTimeout) {
        this.root = root.toAbsolutePath().normalize();
        this.log = log;
        this.lockTimeout = lockTimeout;
    }

    public Path directoryFor(String version, Platform platform) {
        return root.resolve(version + "." + platform.goos() + "-" + platform.goarch());
    }

    public Optional<InstalledSdk> find(String version, Platform platform) {
        Path home = directoryFor(version, platform);
        Path marker = home.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String sha256 = properties.getProperty("sha256");
        if (!Sha256.isHex(sha256) || !version.equals(properties.getProperty("version"))) {
            return Optional.empty();
        }
        return Optional.of(new InstalledSdk(home, version, platform, sha256, properties.getProperty("digestSource", "?"), false));
    }

    public InstalledSdk install(SdkInstallRequest request) {
        Path home = directoryFor(request.version(), request.platform());
        try (InstallLock lock = InstallLock.acquire(root.resolve(home.getFileName() + ".lock"), lockTimeout)) {
            Optional<InstalledSdk> installedMeanwhile = find(request.version(), request.platform());
            if (installedMeanwhile.isPresent()) {
                log.info("Go " + request.version() + " was installed by another build while this one waited.");
                return installedMeanwhile.get();
            }
            return installLocked(request, home);
        }
    }

    private InstalledSdk installLocked(SdkInstallRequest request, Path home) {
        Path temporary = root.resolve(TEMPORARY);
        Path archive = null;
        Path extracted = null;
        try {
            Files.createDirectories(temporary);
            removeLeftovers(temporary, home.getFileName().toString());
            if (Files.exists(home)) {
                log.info("Replacing " + home + ": it has no " + MARKER + " marker, so an earlier build stopped while installing it.");
                deleteTree(home);
            }
            archive = temporary.resolve(home.getFileName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + "-" + request.archiveName());
            request.fetcher().fetch(archive);
            String actual = Sha256.of(archive);
            if (!actual.equalsIgnoreCase(request.expectedSha256())) {
                throw new VerificationException("SHA-256 mismatch for " + request.archiveName() + ": expected "
                        + request.expectedSha256().toLowerCase(java.util.Locale.ROOT) + " (from " + request.digestSource()
                        + "), got " + actual + ". The download is corrupt or has been tampered with; nothing was installed.");
            }
            extracted = Files.createTempDirectory(temporary, home.getFileName() + "-");
            if (Files.getFileStore(extracted).supportsFileAttributeView("posix")) {
                // Temporary directories are private; an SDK cache is often shared by the users of a CI box.
                Files.setPosixFilePermissions(extracted, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            ArchiveExtractor.extract(archive, extracted);
            request.validator().validate(extracted);
            writeMarker(extracted.resolve(MARKER), request, actual);
            move(extracted, home);
            extracted = null;
            return new InstalledSdk(home, request.version(), request.platform(), actual, request.digestSource(), true);
        } catch (IOException e) {
            throw new EnvironmentException("Could not install Go " + request.version() + " into " + home + ": " + e.getMessage()
                    + "; check free disk space and that go.sdkDirectory is writable.", e);
        } finally {
            deleteQuietly(archive);
            deleteQuietly(extracted);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void writeMarker(Path marker, SdkInstallRequest request, String sha256) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("version", request.version());
        properties.setProperty("platform", request.platform().toString());
        properties.setProperty("archive", request.archiveName());
        properties.setProperty("sha256", sha256);
        properties.setProperty("digestSource", request.digestSource());
        properties.setProperty("installed", Instant.now().toString());
        try (OutputStream out = Files.newOutputStream(marker)) {
            properties.store(out, "Verified by gomvn; delete this directory to reinstall");
        }
    }

    /** Temporary files of this SDK left by killed builds: we hold its lock, so nobody else is using them. */
    private void removeLeftovers(Path temporary, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(temporary)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).forEach(SdkCache::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // A leftover in .tmp is removed by the next install of the same version.
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
