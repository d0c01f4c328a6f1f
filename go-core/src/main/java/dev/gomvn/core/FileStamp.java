package dev.gomvn.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Who a file is right now (size, modification time, inode where the platform has one), so that a
 * cache keyed by it notices a replaced go binary, for example in a Maven daemon (mvnd) that outlives
 * many builds. A missing file has a stamp too: it may appear later.
 */
public record FileStamp(Path path, long size, long modifiedNanos, Object fileKey) {

    /** The stamp of {@code file}, following links so that replacing the real file is noticed. */
    public static FileStamp of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            return new FileStamp(
                    absolute,
                    attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attributes.fileKey());
        } catch (IOException missing) {
            return new FileStamp(absolute, -1, -1, null);
        }
    }
}
