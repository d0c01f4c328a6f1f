package dev.gomvn.core.sbom;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;

/**
 * Writes an SBOM as CycloneDX {@value #SPEC} JSON and checks it against the CycloneDX JSON schema first:
 * a document that does not validate is a bug in gomvn, never something to publish. The file is only
 * rewritten when its bytes change, so an unchanged SBOM keeps its time stamp.
 */
public final class SbomWriter {
    /** The newest specification cyclonedx-core-java writes and validates; Dependency-Track reads it. */
    public static final String SPEC = "1.6";

    private static final Version VERSION = Version.VERSION_16;

    private SbomWriter() {}

    public static String toJson(Bom bom) {
        String json;
        try {
            json = BomGeneratorFactory.createJson(VERSION, bom).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("Could not write the CycloneDX SBOM: " + e.getMessage(), e);
        }
        List<ParseException> problems;
        try {
            problems = new JsonParser().validate(json, VERSION);
        } catch (IOException e) {
            throw new IllegalStateException("Could not validate the CycloneDX SBOM: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "gomvn made a CycloneDX " + SPEC + " SBOM that does not validate against the"
                            + " CycloneDX schema, please report it: "
                            + problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
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
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
