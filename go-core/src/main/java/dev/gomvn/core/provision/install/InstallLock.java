package dev.gomvn.core.provision.install;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one SDK installation, across threads of this JVM ({@code -T} builds) and
 * across processes (parallel Maven runs on one CI box). The operating system releases a file lock
 * when its process dies, so a lock file left behind by a killed build never blocks anyone: only a
 * live holder does, and it is named in the timeout message.
 */
public final class InstallLock implements AutoCloseable {
    /** FileChannel locks belong to the process; threads of one JVM must queue in front of them. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Duration POLL = Duration.ofMillis(100);

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private InstallLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    public static InstallLock acquire(Path lockFile, Duration timeout) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!threadLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut(key, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting for the lock " + key + ".", e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    recordHolder(channel);
                    return new InstallLock(threadLock, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(key, timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            close(channel);
            threadLock.unlock();
            throw new EnvironmentException("Could not lock " + key + ": " + e.getMessage()
                    + "; check that the SDK directory is writable (go.sdkDirectory).", e);
        } catch (InterruptedException e) {
            close(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting for the lock " + key + ".", e);
        } catch (RuntimeException e) {
            close(channel);
            threadLock.unlock();
            throw e;
        }
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        byte[] holder = ("pid " + ProcessHandle.current().pid() + " on host " + host + " since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder), 0);
        channel.force(false);
    }

    private static EnvironmentException timedOut(Path lockFile, Duration timeout) {
        String holder;
        try {
            holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            holder = "";
        }
        return new EnvironmentException("Timed out after " + describe(timeout) + " waiting for the lock " + lockFile
                + (holder.isEmpty() ? "" : " held by " + holder) + ". Another build is installing this Go SDK; if none "
                + "is running, delete " + lockFile + ", or raise go.lockTimeout.");
    }

    private static String describe(Duration timeout) {
        return timeout.toSeconds() >= 60 && timeout.toSecondsPart() == 0 ? timeout.toMinutes() + " min"
                : timeout.toMillis() >= 1000 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        } finally {
            close(channel);
            threadLock.unlock();
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was written through it that still matters.
            }
        }
    }
}
