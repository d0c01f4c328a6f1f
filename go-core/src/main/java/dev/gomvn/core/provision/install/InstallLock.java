package dev.gomvn.core.provision.install;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock shared by all threads and all processes installing the same SDK.
 *
 * <p>Across processes it is an OS file lock, which the OS drops when its holder dies: a lock file
 * left behind by a killed build never blocks the next one. OS file locks belong to the whole JVM,
 * so threads of one JVM are serialized by an in-memory lock keyed by the lock file first. The lock
 * file is never deleted, because deleting it would let a third process lock a new file while a
 * second still waits on the old one.
 */
public final class InstallLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /*
     * The locked byte lies far beyond the holder text: Windows forbids reading locked regions, and
     * waiting builds must be able to read who holds the lock.
     */
    private static final long LOCKED_POSITION = Long.MAX_VALUE - 1;

    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 200;

    private final Path lockFile;
    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private InstallLock(Path lockFile, ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
        this.lockFile = lockFile;
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Blocks until this thread holds the lock on {@code lockFile} (created if missing), or fails
     * after {@code timeout}.
     *
     * @throws EnvironmentException on timeout, naming the holder, or if the lock file cannot be opened
     */
    public static InstallLock acquire(Path lockFile, Duration timeout, GoLog log) {
        Path key = canonical(lockFile);
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        if (jvmLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("This thread already holds the lock " + key + ".");
        }
        if (!jvmLock.tryLock()) {
            log.info("Waiting for another build thread to finish installing (lock " + key + ", " + holder(key) + ").");
            try {
                if (!jvmLock.tryLock(remainingNanos(deadline), TimeUnit.NANOSECONDS)) {
                    throw timedOut(key, timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("Interrupted while waiting for the lock " + key + ".", e);
            }
        }
        try {
            return lockFile(key, jvmLock, deadline, timeout, log);
        } catch (RuntimeException e) {
            jvmLock.unlock();
            throw e;
        }
    }

    private static InstallLock lockFile(Path key, ReentrantLock jvmLock, long deadline, Duration timeout, GoLog log) {
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long pollMillis = FIRST_POLL_MILLIS;
            boolean announced = false;
            while (true) {
                FileLock fileLock = tryLock(channel);
                if (fileLock != null) {
                    writeHolder(channel);
                    return new InstallLock(key, jvmLock, channel, fileLock);
                }
                long remaining = remainingNanos(deadline);
                if (remaining <= 0) {
                    throw timedOut(key, timeout);
                }
                if (!announced) {
                    log.info("Waiting for another build to finish installing (lock " + key + ", " + holder(key) + ").");
                    announced = true;
                }
                Thread.sleep(Math.min(pollMillis, TimeUnit.NANOSECONDS.toMillis(remaining) + 1));
                pollMillis = Math.min(pollMillis * 2, MAX_POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EnvironmentException(
                    "Cannot lock " + key + ": " + e
                            + ". Check that the directory is writable and on a file system that supports file locks.",
                    e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting for the lock " + key + ".", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Null while another holder has it. A copy of this class loaded by another class loader in the
     * same JVM (two Maven plugins sharing go-core) has its own in-memory locks; the JVM then reports
     * its file lock as overlapping, which means the same as held.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The lock file path as every thread and process spells it, so they all meet on one key. */
    private static Path canonical(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Cannot create the directory " + absolute.getParent() + " for the lock file: " + e
                            + ". Check that it is writable.",
                    e);
        }
    }

    private static long remainingNanos(long deadline) {
        return deadline - System.nanoTime();
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder =
                "pid=" + ProcessHandle.current().pid() + "\nhost=" + LocalHost.NAME + "\nsince=" + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Who holds the lock, as it wrote into the lock file, e.g. {@code held by pid 1234 on host ci-7 since ...}. */
    private static String holder(Path lockFile) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(lockFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return "held by another build";
        }
        String pid = properties.getProperty("pid");
        if (pid == null) {
            return "held by another build";
        }
        return "held by pid " + pid + " on host " + properties.getProperty("host", "?") + " since "
                + properties.getProperty("since", "?");
    }

    private static EnvironmentException timedOut(Path lockFile, Duration timeout) {
        return new EnvironmentException("Timed out after " + HumanReadable.duration(timeout) + " waiting for the lock "
                + lockFile + " " + holder(lockFile) + "; if no build is running, delete " + lockFile + ".");
    }

    /** Looked up once: resolving the local host name can take seconds on a badly configured network. */
    private static final class LocalHost {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing only releases resources here; the reported failure is the one that matters.
            }
        }
    }

    public Path lockFile() {
        return lockFile;
    }

    /** Releases the lock; the holder text is cleared so nobody later blames this process. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            fileLock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the OS lock even if the explicit release failed.
        } finally {
            closeQuietly(channel);
            jvmLock.unlock();
        }
    }
}
