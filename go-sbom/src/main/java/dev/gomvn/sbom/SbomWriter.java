package dev.gomvn.sbom;

import dev.gomvn.core.AtomicFiles;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;

/**
 * Writes an SBOM as CycloneDX {@value #SPEC} JSON. The file is only rewritten when its bytes change, so
 * an unchanged SBOM keeps its time stamp. The documents are checked against the CycloneDX JSON schema
 * by the tests (cyclonedx-core-java's validator), not in every build: the validator's schema loader
 * logs warnings about the schema's own annotation keywords that only a process-wide logger setting
 * would silence.
 */
public final class SbomWriter {
    /** The newest specification cyclonedx-core-java writes and validates; Dependency-Track reads it. */
    public static final String SPEC = "1.6";

    public static final Version VERSION = Version.VERSION_16;

    private SbomWriter() {}

    public static String toJson(Bom bom) {
        String json;
        try {
            json = BomGeneratorFactory.createJson(VERSION, bom).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("Could not write the CycloneDX SBOM: " + e.getMessage(), e);
        }
        return json;
    }

    public static void write(Bom bom, Path file) {
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
