package dev.gomvn.core.provision.install;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates extracted files on a few threads. A Go SDK has some 15,000 files and creating each one
 * waits on the file system, so overlapping them is what brings extraction close to {@code tar -x}.
 * Small files are buffered and handed to the writer threads, bounded by {@link #MAX_BUFFERED_BYTES}
 * so memory stays constant; large files are streamed by the caller's thread.
 */
final class ParallelFileWriter implements AutoCloseable {

    private static final int SMALL_FILE_LIMIT = 1 << 20;
    private static final int MAX_BUFFERED_BYTES = 32 << 20;
    private static final int THREADS =
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int STREAM_BUFFER_SIZE = 1 << 17;
    private static final Set<StandardOpenOption> CREATE_NEW =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final boolean posix;
    private final ExecutorService writers = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "gomvn-extract-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore bufferedBytes = new Semaphore(MAX_BUFFERED_BYTES);
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private final byte[] streamBuffer = new byte[STREAM_BUFFER_SIZE];

    ParallelFileWriter(boolean posix) {
        this.posix = posix;
    }

    /**
     * Creates {@code target} (which must not exist) with {@code size} bytes of {@code content};
     * small files may still be in flight when this returns. Failures of earlier writes surface here
     * or in {@link #awaitAll()}.
     */
    void write(Path target, InputStream content, long size, int mode) throws IOException {
        rethrowFinishedFailures();
        if (size < 0 || size > SMALL_FILE_LIMIT) {
            stream(target, content, mode);
            return;
        }
        byte[] bytes = content.readNBytes((int) size);
        if (bytes.length != size) {
            throw new EOFException("The archive ends inside " + target.getFileName() + ".");
        }
        try {
            bufferedBytes.acquire(bytes.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while extracting " + target + ".");
        }
        pending.add(writers.submit(() -> {
            try {
                writeBytes(target, bytes, mode);
            } finally {
                bufferedBytes.release(bytes.length);
            }
            return null;
        }));
    }

    /** Blocks until every file handed over so far exists, and reports the first failure. */
    void awaitAll() throws IOException {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    private void rethrowFinishedFailures() throws IOException {
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            await(pending.removeFirst());
        }
    }

    private static void await(Future<?> write) throws IOException {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while extracting.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private void writeBytes(Path target, byte[] bytes, int mode) throws IOException {
        try (FileChannel channel = FileChannel.open(target, CREATE_NEW, attributes(mode))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private void stream(Path target, InputStream content, int mode) throws IOException {
        try (FileChannel channel = FileChannel.open(target, CREATE_NEW, attributes(mode))) {
            ByteBuffer wrapper = ByteBuffer.wrap(streamBuffer);
            int read;
            while ((read = content.read(streamBuffer)) != -1) {
                wrapper.clear().limit(read);
                while (wrapper.hasRemaining()) {
                    channel.write(wrapper);
                }
            }
        }
    }

    /** Creation mode; the process umask still applies, exactly as with {@code tar -x}. */
    private FileAttribute<?>[] attributes(int mode) {
        if (!posix) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions(mode))};
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        // The installer must be able to read, rewrite and later delete what it extracted.
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        return permissions;
    }

    /** Stops the writers and waits for them, so nothing is created after the caller cleans up. */
    @Override
    public void close() {
        writers.shutdownNow();
        try {
            writers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
