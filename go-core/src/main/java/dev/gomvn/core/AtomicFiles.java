package dev.gomvn.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Files that appear whole or not at all, in directories that several builds share (the image cache, the
 * vulnerability database copy, the checksum database's tree heads): each writer works in a temporary sibling whose
 * name is unique per process and thread, then moves it into place in one step. Two threads of one Maven JVM
 * ({@code -T}) or two JVMs writing the same file never share a temporary file, and a reader never sees half of one.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * A new empty file beside {@code target}. Not {@link Files#createTempFile}: that makes it readable by its owner
     * only, and the moved file would keep that, where SHA256SUMS, SBOMs or an image layout should have the
     * permissions the user's umask gives any new file.
     */
    private static Path temporarySibling(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        String prefix = "." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".";
        while (true) {
            try {
                return Files.createFile(
                        directory.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial"));
            } catch (FileAlreadyExistsException taken) {
                // A leftover of a killed build with the same pid and thread: another name.
            }
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Fills a temporary file; it may throw to keep the target as it was (a digest that does not match). */
    @FunctionalInterface
    public interface Filler {
        void fill(Path temporary) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code filler} writes into a temporary sibling, in one step; if the filler
     * throws, the target stays as it was and the temporary file is removed.
     */
    public static void replace(Path target, Filler filler) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            filler.fill(temporary);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code content} to {@code target} through a temporary sibling. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, temporary -> Files.write(temporary, content));
    }
}
