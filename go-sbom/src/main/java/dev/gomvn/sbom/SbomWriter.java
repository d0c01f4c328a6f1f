package dev.gomvn.sbom;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/** Writes an SBOM as CycloneDX {@value #SPEC} JSON, as {@link JsonFile} writes every document. */
public final class SbomWriter {
    /** The CycloneDX specification the documents follow; Dependency-Track reads it. */
    public static final String SPEC = "1.6";

    private SbomWriter() {}

    public static String toJson(JsonObject bom) {
        return JsonFile.toJson(bom);
    }

    public static void write(JsonObject bom, Path file) {
        JsonFile.write(bom, file);
    }
}
