package dev.gomvn.sbom;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A JSON document as gomvn writes it beside the binaries: indented, keys in the order they were added, characters
 * such as {@code <} and {@code =} as they are (purls and URIs hold them), a final newline. The file is only rewritten
 * when its bytes change, so an unchanged document keeps its time stamp and up-to-date checks stay quiet.
 */
public final class JsonFile {
    private JsonFile() {}

    public static String toJson(JsonObject document) {
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(document) + "\n";
    }

    public static void write(JsonObject document, Path file) {
        byte[] bytes = toJson(document).getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
