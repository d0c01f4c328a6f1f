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
 * Writes an SBOM as CycloneDX {@value #SPEC} JSON, indented, with characters such as {@code <} and {@code =} as
 * they are (a purl holds them). The file is only rewritten when its bytes change, so an unchanged SBOM keeps its
 * time stamp.
 */
public final class SbomWriter {
    /** The CycloneDX specification the documents follow; Dependency-Track reads it. */
    public static final String SPEC = "1.6";

    private SbomWriter() {}

    public static String toJson(JsonObject bom) {
        return new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(bom) + "\n";
    }

    public static void write(JsonObject bom, Path file) {
        byte[] bytes = toJson(bom).getBytes(StandardCharsets.UTF_8);
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
