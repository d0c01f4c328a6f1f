package dev.gomvn.core.sumdb;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The newest tree head verified so far, per checksum database, in {@code <directory>/<name>/latest}
 * (the signed note as received). Every later tree must be consistent with it, which is what catches
 * a database, or a proxy in front of it, that shows different users different logs.
 */
public final class TreeHeadStore {
    private final Path directory;

    public TreeHeadStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path fileOf(String databaseName) {
        return directory
                .resolve(databaseName.replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve("latest");
    }

    Optional<TreeHead> latest(NoteVerifier verifier) {
        Path file = fileOf(verifier.name());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Cannot read the stored tree head " + file + ": " + e + ". Check its permissions.", e);
        }
        String origin = "the stored tree head " + file;
        try {
            return Optional.of(TreeHead.of(SignedNote.verify(encoded, verifier, origin), origin));
        } catch (VerificationException e) {
            throw new VerificationException(
                    e.getMessage() + " That file is written only after verification, so it was "
                            + "changed since; restore it, or delete it to trust the database's next answer afresh.",
                    e);
        }
    }

    /** Replaces the stored head; written beside it and renamed, so a reader never sees half a note. */
    void save(TreeHead head, String databaseName) {
        Path file = fileOf(databaseName);
        try {
            AtomicFiles.write(file, head.note().encoded());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Cannot store the verified tree head in " + file + ": " + e
                            + ". Check that the directory is writable.",
                    e);
        }
    }
}
