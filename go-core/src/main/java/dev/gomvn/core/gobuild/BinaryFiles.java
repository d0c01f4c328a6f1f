package dev.gomvn.core.gobuild;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How a freshly linked binary takes the place of the last one, so that unchanged bytes keep their time stamp. */
final class BinaryFiles {
    private BinaryFiles() {}

    /** Puts what go wrote in place of the binary; true when it was byte for byte the binary already there. */
    static boolean replace(Path written, Path output) {
        boolean unchanged = !written.equals(output) && sameContent(written, output);
        if (unchanged) {
            deleteQuietly(written);
        } else if (!written.equals(output)) {
            move(written, output);
        }
        return unchanged;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("Could not replace " + to + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray .new file is overwritten by the next build.
        }
    }
}
