package dev.gomvn.core.provision.install;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A directory of verified Go SDKs, one per version and platform ({@code <root>/go1.22.5.linux-amd64/}).
 *
 * <p>An SDK becomes visible only by an atomic rename of a fully extracted, digest-checked and
 * validated tree that already holds its {@code .gomvn-verified} marker, so a killed build or a failed
 * check leaves the cache exactly as it was. Staging happens in {@code <root>/.tmp/}, on the same file
 * system as the final directory, which is what makes the rename atomic.
 */
public final class SdkCache {

    private static final String TEMP_DIRECTORY = ".tmp";

    private final Path root;
    private final GoLog log;
    private final Duration lockTimeout;
    private final CachedContent content;
    private final ArchiveExtractor extractor = new ArchiveExtractor();

    public SdkCache(Path root, GoLog log, Duration lockTimeout) {
        this(root, log, lockTimeout, CachedContent.GO_SDK);
    }

    /** A cache of {@code content} other than Go SDKs, installed with the same guarantees. */
    public SdkCache(Path root, GoLog log, Duration lockTimeout, CachedContent content) {
        this.root = root.toAbsolutePath().normalize();
        this.log = log;
        this.lockTimeout = lockTimeout;
        this.content = content;
    }

    /** Where the SDK for this version and platform lives (whether or not it is installed). */
    public Path homeOf(String goVersion, Platform platform) {
        return root.resolve(directoryName(goVersion, platform));
    }

    /**
     * The installed SDK if its directory holds a valid marker and its go executable. Reads one small
     * file: no hashing, no process, no lock.
     */
    public Optional<InstalledSdk> find(String goVersion, Platform platform) {
        Path home = homeOf(goVersion, platform);
        return InstalledSdk.verifiedAt(home, goVersion, platform)
                .filter(sdk -> Files.isRegularFile(content.essentialFile().apply(home, platform)));
    }

    /** The SHA-256 recorded when this SDK was installed, to compare a pinned digest without re-hashing. */
    public Optional<String> recordedSha256(String goVersion, Platform platform) {
        return find(goVersion, platform).map(InstalledSdk::recordedSha256);
    }

    /**
     * Returns the SDK, downloading, verifying and installing it first unless it is already there.
     * Concurrent calls for the same SDK, from threads or other processes, download it once.
     *
     * @throws VerificationException if the archive digest differs from the expected one or the
     *     archive is unsafe; nothing is installed
     * @throws EnvironmentException if the download, disk or lock fails; nothing is installed
     */
    public InstalledSdk install(SdkInstallRequest request) {
        // A marker is only ever published by an atomic rename, so a hit needs no lock.
        Optional<InstalledSdk> cached = find(request.goVersion(), request.platform());
        if (cached.isPresent()) {
            return cached.get();
        }
        String name = directoryName(request.goVersion(), request.platform());
        Path tempRoot = root.resolve(TEMP_DIRECTORY);
        createDirectories(tempRoot);
        try (InstallLock lock = InstallLock.acquire(root.resolve(name + ".lock"), lockTimeout, log)) {
            Optional<InstalledSdk> installed = find(request.goVersion(), request.platform());
            if (installed.isPresent()) {
                // INFO like "Installed Go SDK": a log shows which build installed it and which one used that install.
                log.info(content.noun() + " " + name + " was installed by another build while this one waited.");
                return installed.get();
            }
            removeHalfInstalled(homeOf(request.goVersion(), request.platform()));
            removeLeftovers(tempRoot, name);
            return installLocked(request, name, tempRoot);
        }
    }

    private InstalledSdk installLocked(SdkInstallRequest request, String name, Path tempRoot) {
        Path home = homeOf(request.goVersion(), request.platform());
        Path archive = null;
        Path staging = null;
        try {
            // The suffix keeps the archive name, whose extension tells the extractor the format.
            archive = Files.createTempFile(tempRoot, name + ".", "." + request.archiveName());
            fetch(request, archive);
            long verifyStarted = System.nanoTime();
            ArchiveVerifier.VerifiedArchive verified = request.verifier().verify(archive);
            long extractStarted = System.nanoTime();
            staging = Files.createTempDirectory(tempRoot, name + ".");
            try {
                extractor.extract(archive, staging, request.layout(), request.compression());
            } catch (ArchiveContentException unsafe) {
                // The temporary file is gone by the time anyone reads this: name the archive instead.
                throw new ArchiveContentException(
                        unsafe.getMessage().replace(archive.toString(), request.archiveName()), unsafe);
            }
            readableByEveryone(staging);
            Duration extracting = Duration.ofNanos(System.nanoTime() - extractStarted);
            Duration verifying = Duration.ofNanos(extractStarted - verifyStarted);
            Files.delete(archive);
            request.validator().validate(staging);
            new InstallMarker(
                            request.goVersion(),
                            request.platform(),
                            request.archiveName(),
                            verified.sha256(),
                            verified.digestSource(),
                            Instant.now())
                    .writeInto(staging);
            publish(staging, home);
            log.info("Installed " + content.noun() + " " + name + " into " + home + " (" + request.archiveName()
                    + ", SHA-256 " + verified.sha256() + ", verified against " + verified.digestSource() + " in "
                    + HumanReadable.duration(verifying) + "; extracted in " + HumanReadable.duration(extracting)
                    + ").");
            return new InstalledSdk(
                    home,
                    request.goVersion(),
                    request.platform(),
                    request.archiveName(),
                    verified.sha256(),
                    verified.digestSource(),
                    true);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Installing " + content.noun() + " " + name + " into " + root + " failed: " + e
                            + ". Check free disk space and permissions; nothing was installed.",
                    e);
        } finally {
            if (archive != null) {
                FileTrees.deleteQuietly(archive);
            }
            if (staging != null) {
                FileTrees.deleteQuietly(staging);
            }
        }
    }

    private static void fetch(SdkInstallRequest request, Path archive) {
        try {
            request.fetcher().fetch(archive);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Downloading " + request.archiveName() + " failed: " + e
                            + ". Nothing was installed; check the network or proxy settings and retry.",
                    e);
        }
    }

    private void publish(Path staging, Path home) throws IOException {
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new EnvironmentException(
                    "Cannot atomically rename " + staging + " to " + home + ": " + e + ". Put the " + content.noun()
                            + " cache on a local file system that supports renames; nothing was installed.",
                    e);
        }
    }

    private void removeHalfInstalled(Path home) {
        if (Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            log.info(
                    "Found a half-installed " + content.noun() + " at " + home + " (no valid " + InstallMarker.FILE_NAME
                            + " or no go executable, as a killed build leaves it); removing it and installing again.");
            try {
                FileTrees.delete(home);
            } catch (IOException e) {
                throw new EnvironmentException(
                        "Cannot remove the half-installed " + content.noun() + " " + home + ": " + e
                                + ". Delete that directory by hand and run the build again.",
                        e);
            }
        }
    }

    /** Staging files of this SDK exist only while its lock is held; we hold it, so these are from killed builds. */
    private void removeLeftovers(Path tempRoot, String name) {
        List<Path> leftovers;
        try (var entries = Files.list(tempRoot)) {
            leftovers = entries.filter(entry -> entry.getFileName().toString().startsWith(name + "."))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + tempRoot + ": " + e + ". Check its permissions.", e);
        }
        for (Path leftover : leftovers) {
            log.debug("Removing " + leftover + ", left by an interrupted installation.");
            FileTrees.deleteQuietly(leftover);
        }
    }

    private void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Cannot create the " + content.noun() + " cache directory " + directory + ": " + e
                            + ". Check that its parent is writable or choose another cache location.",
                    e);
        }
    }

    private String directoryName(String goVersion, Platform platform) {
        if (!content.versionPattern().matcher(goVersion).matches()) {
            throw new ConfigurationException(
                    content.versionParameter(),
                    "The " + content.versionLabel() + " '" + goVersion + "' is not a version like "
                            + content.versionExample() + "; set " + content.versionParameter() + " to such a version.");
        }
        return goVersion + "." + platform.key();
    }

    /** A temporary directory is private (0700); an SDK in a shared CI image must be usable by every user. */
    private static void readableByEveryone(Path home) throws IOException {
        if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
