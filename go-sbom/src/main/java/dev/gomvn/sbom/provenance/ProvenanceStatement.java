package dev.gomvn.sbom.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.gomod.ModuleHash;
import dev.gomvn.sbom.JsonFile;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-toto Statement v1 whose predicate is SLSA Provenance v1, for the files one {@code go:build} produced.
 *
 * <p>Its {@code buildType}, {@value #BUILD_TYPE}, means: run {@code go build} for every main package in
 * {@code externalParameters.packages} and every {@code goos/goarch[/variant][@libc]} in {@code targets}, in the
 * module directory checked out at the {@code gitCommit} of the {@code git+} dependency (when there is one), with
 * the Go SDK of the dependency named {@code go<version>...} (its archive's SHA-256, or a local GOROOT as a
 * {@code file:} URI when gomvn did not install it), {@code CGO_ENABLED} as {@code cgo}, {@code -trimpath} when
 * {@code trimpath}, {@code -buildvcs=<buildvcs>}, {@code -tags <tags>}, {@code -ldflags} made of {@code ldflags}
 * and one {@code -X name=value} per {@code linkerVariables} entry, then {@code buildFlags}; modules come from the
 * module proxy and must have the {@code dirHash} of their {@code pkg:golang/<path>@<version>} dependency. The
 * subjects are then the binaries, their CycloneDX SBOMs and the checksum lists, named as the Maven repository
 * publishes them ({@code <artifactId>-<version>-<classifier>.<type>}); {@code SHA256SUMS} is the list beside the
 * binaries in the output directory.
 *
 * <p>A module's {@code dirHash} is its go.sum {@code h1:} hash in hex, as the in-toto DigestSet specification
 * defines that algorithm (base64 and hex of the same SHA-256). Keys come in a fixed order, lists sorted, and
 * {@code runDetails.metadata} carries only the reproducible build time, or is left out: the same inputs give the
 * same bytes, so two builders of the same commit can compare statements.
 */
public final class ProvenanceStatement {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
    public static final String BUILD_TYPE = "https://gomvn.dev/buildtypes/go-build/v1";

    private ProvenanceStatement() {}

    public static JsonObject of(ProvenanceInput input) {
        JsonObject statement = new JsonObject();
        statement.addProperty("_type", STATEMENT_TYPE);
        JsonArray subjects = new JsonArray();
        input.subjects().stream()
                .sorted(Comparator.comparing(ProvenanceInput.Subject::name))
                .forEach(subject -> subjects.add(descriptor(subject.name(), null, "sha256", subject.sha256())));
        statement.add("subject", subjects);
        statement.addProperty("predicateType", PREDICATE_TYPE);
        JsonObject predicate = new JsonObject();
        predicate.add("buildDefinition", buildDefinition(input));
        predicate.add("runDetails", runDetails(input));
        statement.add("predicate", predicate);
        return statement;
    }

    /** Writes the statement, rewriting the file only when its bytes change. */
    public static void write(ProvenanceInput input, Path file) {
        JsonFile.write(of(input), file);
    }

    private static JsonObject buildDefinition(ProvenanceInput input) {
        JsonObject definition = new JsonObject();
        definition.addProperty("buildType", BUILD_TYPE);
        definition.add("externalParameters", externalParameters(input.parameters()));
        JsonArray dependencies = new JsonArray();
        input.source()
                .ifPresent(source -> dependencies.add(descriptor(null, source.uri(), "gitCommit", source.commit())));
        dependencies.add(sdk(input.sdk()));
        modules(input.modules()).values().forEach(dependencies::add);
        definition.add("resolvedDependencies", dependencies);
        return definition;
    }

    private static JsonObject externalParameters(ProvenanceInput.Parameters parameters) {
        JsonObject external = new JsonObject();
        external.addProperty("groupId", parameters.groupId());
        external.addProperty("artifactId", parameters.artifactId());
        external.addProperty("version", parameters.version());
        external.add("targets", strings(parameters.targets()));
        external.add("packages", strings(parameters.packages()));
        JsonObject linkerVariables = new JsonObject();
        new TreeMap<>(parameters.linkerVariables()).forEach(linkerVariables::addProperty);
        external.add("linkerVariables", linkerVariables);
        external.addProperty("tags", parameters.tags());
        external.addProperty("trimpath", parameters.trimpath());
        external.addProperty("buildvcs", parameters.buildVcs());
        external.addProperty("cgo", parameters.cgo());
        // Rarely set: only there when they are, so a plain build's parameters stay short.
        if (!parameters.ldflags().isEmpty()) {
            external.addProperty("ldflags", parameters.ldflags());
        }
        if (!parameters.buildFlags().isEmpty()) {
            external.addProperty("buildFlags", parameters.buildFlags());
        }
        external.addProperty("goVersion", parameters.goVersion());
        return external;
    }

    /** A verified archive by its name and digest; a local Go by its path, with no digest nobody checked. */
    private static JsonObject sdk(ProvenanceInput.GoSdk sdk) {
        JsonObject descriptor;
        if (sdk instanceof ProvenanceInput.VerifiedSdk verified) {
            descriptor = descriptor(verified.archiveName(), null, "sha256", verified.sha256());
            JsonObject annotations = new JsonObject();
            annotations.addProperty("goVersion", verified.goVersion());
            annotations.addProperty("digestSource", verified.digestSource());
            descriptor.add("annotations", annotations);
        } else {
            ProvenanceInput.LocalSdk local = (ProvenanceInput.LocalSdk) sdk;
            descriptor = descriptor(local.goVersion(), local.goRoot().toUri().toString(), null, null);
        }
        return descriptor;
    }

    /** One entry per module, by its purl: the binaries of a build share most of their modules. */
    private static Map<String, JsonObject> modules(List<ProvenanceInput.GoModule> modules) {
        Map<String, JsonObject> byUri = new TreeMap<>();
        for (ProvenanceInput.GoModule module : modules) {
            String uri = "pkg:golang/" + module.path() + (module.version().isEmpty() ? "" : "@" + module.version());
            byUri.put(
                    uri,
                    module.h1().startsWith("h1:")
                            ? descriptor(null, uri, "dirHash", ModuleHash.hex(module.h1()))
                            : descriptor(null, uri, null, null));
        }
        return byUri;
    }

    private static JsonObject runDetails(ProvenanceInput input) {
        JsonObject builder = new JsonObject();
        builder.addProperty("id", input.builderId());
        JsonObject details = new JsonObject();
        details.add("builder", builder);
        input.timestamp().ifPresent(time -> {
            String stamp = time.truncatedTo(ChronoUnit.SECONDS).toString();
            JsonObject metadata = new JsonObject();
            metadata.addProperty("startedOn", stamp);
            metadata.addProperty("finishedOn", stamp);
            details.add("metadata", metadata);
        });
        return details;
    }

    /** An in-toto ResourceDescriptor; null fields are left out. */
    private static JsonObject descriptor(String name, String uri, String algorithm, String digest) {
        JsonObject descriptor = new JsonObject();
        if (name != null) {
            descriptor.addProperty("name", name);
        }
        if (uri != null) {
            descriptor.addProperty("uri", uri);
        }
        if (algorithm != null) {
            JsonObject digestSet = new JsonObject();
            digestSet.addProperty(algorithm, digest);
            descriptor.add("digest", digestSet);
        }
        return descriptor;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
