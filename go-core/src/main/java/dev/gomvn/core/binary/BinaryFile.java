package dev.gomvn.core.binary;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An executable opened for reading regions at offsets its own headers give. Those offsets and sizes
 * come from the file, so none is trusted: every region is checked against the file's length and a cap
 * before a buffer is allocated, and a region that does not fit is reported as a corrupt file naming
 * what was being read, not as an exception from deep inside a buffer.
 */
final class BinaryFile implements Closeable {
    /** Far above any dynamic symbol table or load command area a real binary has; keeps a lying header from costing gigabytes. */
    static final long MAX_REGION = 64L << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private BinaryFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static BinaryFile open(Path path) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return new BinaryFile(path, channel, channel.size());
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** The {@code length} bytes at {@code offset}, or a {@link VerificationException} naming {@code what} if they are not all in the file. */
    ByteBuffer read(long offset, long length, ByteOrder order, String what) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw malformed(what + " (" + length + " bytes at offset " + offset + ") lies outside the file (" + size
                    + " bytes)");
        }
        if (length > MAX_REGION) {
            throw malformed(what + " claims " + length + " bytes, more than any real binary has");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw malformed(what + " ends early: the file shrank while it was read");
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + path + ": " + e.getMessage(), e);
        }
        return buffer.flip();
    }

    /** The NUL-terminated string at {@code index} of a string table already read. */
    String string(ByteBuffer table, long index, String what) {
        if (index < 0 || index >= table.limit()) {
            throw malformed(what + " names string " + index + " of a table of " + table.limit() + " bytes");
        }
        int start = (int) index;
        int end = start;
        while (end < table.limit() && table.get(end) != 0) {
            end++;
        }
        if (end == table.limit()) {
            throw malformed(what + " is not terminated inside its string table");
        }
        byte[] bytes = new byte[end - start];
        table.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    VerificationException malformed(String problem) {
        return new VerificationException(
                path + " is truncated or corrupt, so what it needs at run time cannot be read: " + problem
                        + ". Rebuild it, or set <verifyBinaries>false</verifyBinaries> (go.verifyBinaries) for this target.");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Read-only: nothing is lost if closing fails.
        }
    }
}
