package dev.gomvn.sbom.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The in-toto Statement v1 and SLSA Provenance v1 JSON Schemas of src/test/resources/schemas (where they say which
 * specification text they were written from), loaded offline by their ids.
 */
final class ProvenanceSchemas {
    private static final String BASE = "https://gomvn.dev/test-schemas/";
    private static final String STATEMENT = "in-toto-statement-v1.schema.json";
    private static final String PROVENANCE = "slsa-provenance-v1.schema.json";

    private final Schema statement;
    private final Schema provenance;

    ProvenanceSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(
                        Map.of(BASE + STATEMENT, read(STATEMENT), BASE + PROVENANCE, read(PROVENANCE))));
        statement = registry.getSchema(SchemaLocation.of(BASE + STATEMENT));
        provenance = registry.getSchema(SchemaLocation.of(BASE + PROVENANCE));
    }

    /** Every way {@code json} fails the statement schema, and its predicate the provenance schema. */
    List<String> problems(String json) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        statement.validate(document).stream().map(Error::toString).forEach(problems::add);
        provenance.validate(document.path("predicate")).stream()
                .map(error -> "predicate: " + error)
                .forEach(problems::add);
        return problems;
    }

    private static String read(String name) {
        try (InputStream in = ProvenanceSchemas.class.getResourceAsStream("/schemas/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
