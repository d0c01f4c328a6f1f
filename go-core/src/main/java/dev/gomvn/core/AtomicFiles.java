package dev.gomvn.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that appear whole or not at all, in directories that several builds share (the image cache, the
 * vulnerability database copy, the checksum database's tree heads): each writer works in a temporary sibling whose
 * name is unique per process and thread, then moves it into place in one step. Two threads of one Maven JVM
 * ({@code -T}) or two JVMs writing the same file never share a temporary file, and a reader never sees half of one.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** A new, empty temporary file beside {@code target} (its directory created), for {@link #moveIntoPlace}. */
    public static Path temporarySibling(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
    }

    /** Replaces {@code target} with {@code temporary} in one step (the temporary is gone afterwards). */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code content} to {@code target} through a temporary sibling. */
    public static void write(Path target, byte[] content) throws IOException {
        Path temporary = temporarySibling(target);
        try {
            Files.write(temporary, content);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
