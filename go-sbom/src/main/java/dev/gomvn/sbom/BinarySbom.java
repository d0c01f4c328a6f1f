package dev.gomvn.sbom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.gomod.ModuleHash;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CycloneDX SBOM of one Go binary, made from what the binary itself records (its embedded build info),
 * so it lists what is really linked in, not what go.mod requires. It follows {@code cyclonedx-gomod bin
 * -std}: the main module is {@code metadata.component} (type application, its purl carrying the main
 * package as subpath); every dependency module is a required library component with its {@code h1:} sum
 * as SHA-256 hash (the sum is base64 of a SHA-256; CycloneDX wants hex) and a replaced module is listed as
 * its replacement, the module whose code is linked; the Go standard library is component {@code std} at the
 * toolchain's version; the build settings are properties. The serial number is derived from the binary's
 * SHA-256 and the settings, so the same binary always gives the same document.
 *
 * <p>Written as a Gson tree in the field order of the CycloneDX specification, not through cyclonedx-core-java:
 * its model and Jackson took a second to load in every build for a document this small, and brought a second
 * JSON library. The tests hold every document to the CycloneDX 1.6 schema with cyclonedx-core-java's validator.
 */
public final class BinarySbom {
    /** The property names cyclonedx-gomod registered in the CycloneDX property taxonomy. */
    private static final String GOMOD = "cdx:gomod:";
    /** Build settings that taxonomy has no name for ({@code -trimpath}, {@code -ldflags}, ...). */
    private static final String GOMVN = "gomvn:";

    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern GO_VERSION = Pattern.compile("go\\S+");
    /** gopkg.in paths name a GitHub repository: gopkg.in/user/pkg.v3 and gopkg.in/pkg.v3 (user go-pkg). */
    private static final Pattern GOPKG_IN_WITH_USER = Pattern.compile("gopkg\\.in/([^/]+)/([^.]+)\\..*");

    private static final Pattern GOPKG_IN = Pattern.compile("gopkg\\.in/([^.]+)\\..*");
    private static final Pattern MAJOR_VERSION_SUFFIX = Pattern.compile("/v\\d+$");

    private BinarySbom() {}

    /**
     * @param binaryName   the binary's file name, e.g. {@code manager} or {@code manager.exe}
     * @param binarySha256 the binary's SHA-256 (hex), recorded in the document and the root of its serial number
     */
    public static JsonObject of(GoBuildInfo info, String binaryName, String binarySha256, SbomSettings settings) {
        String goos = info.setting("GOOS").orElse("");
        String goarch = info.setting("GOARCH").orElse("");

        JsonObject main = mainComponent(info, settings, goos, goarch);
        Map<String, JsonObject> components = new LinkedHashMap<>();
        for (GoBuildInfo.Module dependency : info.dependencies()) {
            JsonObject component = library(dependency, goos, goarch);
            // Two modules replaced by the same one are one component.
            components.putIfAbsent(component.get("bom-ref").getAsString(), component);
        }
        toolchainVersion(info).ifPresent(version -> {
            JsonObject std = library(new GoBuildInfo.Module("std", version, "", Optional.empty()), goos, goarch);
            components.putIfAbsent(std.get("bom-ref").getAsString(), std);
        });
        String mainReference = main.get("bom-ref").getAsString();
        List<String> references = List.copyOf(components.keySet());

        JsonObject metadata = new JsonObject();
        // An SBOM without a configured time states none: a clock reading would make every build's document differ.
        settings.timestamp()
                .ifPresent(time -> metadata.addProperty(
                        "timestamp", time.truncatedTo(ChronoUnit.SECONDS).toString()));
        metadata.add("component", main);
        metadata.add("properties", buildProperties(info, binaryName, binarySha256));

        JsonObject bom = new JsonObject();
        bom.addProperty("bomFormat", "CycloneDX");
        bom.addProperty("specVersion", SbomWriter.SPEC);
        bom.addProperty("serialNumber", "urn:uuid:" + serialNumber(binarySha256, settings));
        bom.addProperty("version", 1);
        bom.add("metadata", metadata);
        JsonArray componentArray = new JsonArray();
        components.values().forEach(componentArray::add);
        bom.add("components", componentArray);
        bom.add("dependencies", dependencies(mainReference, references));
        bom.add("compositions", compositions(mainReference, references));
        return bom;
    }

    private static JsonObject mainComponent(GoBuildInfo info, SbomSettings settings, String goos, String goarch) {
        String module = info.mainModule().map(GoBuildInfo.Module::path).orElse(info.path());
        String version = info.mainModule().map(GoBuildInfo.Module::version).orElse("(devel)");
        if (version.equals("(devel)")) {
            // Go's word for "no version" (a build without VCS stamping): the project's version, or none, as
            // cyclonedx-gomod leaves it out.
            version = settings.mainModuleVersion();
        }
        // The main package below the module root (./cmd/manager) is the purl's subpath, as cyclonedx-gomod has it.
        String subpath =
                info.path().startsWith(module + "/") ? "#" + info.path().substring(module.length() + 1) : "";
        JsonObject main = new JsonObject();
        main.addProperty("type", "application");
        main.addProperty("bom-ref", GoPackageUrl.bomRef(module, version) + subpath);
        main.addProperty("name", module);
        if (!version.isEmpty()) {
            main.addProperty("version", version);
        }
        main.addProperty("purl", GoPackageUrl.of(module, version, goos, goarch) + subpath);
        vcsReference(module).ifPresent(reference -> main.add("externalReferences", reference));
        return main;
    }

    private static JsonObject library(GoBuildInfo.Module dependency, String goos, String goarch) {
        GoBuildInfo.Module linked = dependency.linked();
        JsonObject component = new JsonObject();
        component.addProperty("type", "library");
        component.addProperty("bom-ref", GoPackageUrl.bomRef(linked.path(), linked.version()));
        component.addProperty("name", linked.path());
        component.addProperty("version", linked.version());
        component.addProperty("scope", "required");
        if (linked.sum().startsWith("h1:")) {
            JsonObject hash = new JsonObject();
            hash.addProperty("alg", "SHA-256");
            hash.addProperty("content", ModuleHash.hex(linked.sum()));
            JsonArray hashes = new JsonArray();
            hashes.add(hash);
            component.add("hashes", hashes);
        }
        component.addProperty("purl", GoPackageUrl.of(linked.path(), linked.version(), goos, goarch));
        vcsReference(linked.path()).ifPresent(reference -> component.add("externalReferences", reference));
        if (dependency.replacement().isPresent()) {
            // What go.mod asked for, so an auditor sees that a replace directive is at work.
            JsonArray properties = new JsonArray();
            properties.add(property(
                    GOMVN + "replaces",
                    dependency.version().isEmpty()
                            ? dependency.path()
                            : dependency.path() + "@" + dependency.version()));
            component.add("properties", properties);
        }
        return component;
    }

    private static Optional<JsonArray> vcsReference(String module) {
        String url = null;
        Matcher withUser = GOPKG_IN_WITH_USER.matcher(module);
        Matcher withoutUser = GOPKG_IN.matcher(module);
        if (module.startsWith("github.com/")) {
            url = "https://" + MAJOR_VERSION_SUFFIX.matcher(module).replaceAll("");
        } else if (withUser.matches()) {
            url = "https://github.com/" + withUser.group(1) + "/" + withUser.group(2);
        } else if (withoutUser.matches()) {
            url = "https://github.com/go-" + withoutUser.group(1) + "/" + withoutUser.group(1);
        }
        if (url == null) {
            return Optional.empty();
        }
        JsonObject reference = new JsonObject();
        reference.addProperty("type", "vcs");
        reference.addProperty("url", url);
        JsonArray references = new JsonArray();
        references.add(reference);
        return Optional.of(references);
    }

    /** {@code go1.22.5}, without suffixes such as {@code X:boringcrypto}; empty for a devel toolchain. */
    private static Optional<String> toolchainVersion(GoBuildInfo info) {
        String first = info.goVersion().strip().split("\\s+")[0];
        return GO_VERSION.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }

    /**
     * The binary and how it was built, under the names cyclonedx-gomod uses where it has one: GOOS, GOARCH,
     * CGO_ENABLED, GOAMD64, GOARM and every other environment setting as {@code cdx:gomod:build:env:<NAME>},
     * each tag as {@code cdx:gomod:build:tag}, {@code -compiler} and VCS stamps; the flags it has no name for
     * ({@code -trimpath}, {@code -ldflags}, {@code -buildmode}, ...) as {@code gomvn:build:<flag>}.
     */
    private static JsonArray buildProperties(GoBuildInfo info, String binaryName, String binarySha256) {
        List<Map.Entry<String, String>> properties = new ArrayList<>();
        properties.add(Map.entry(GOMOD + "binary:name", binaryName));
        properties.add(Map.entry(GOMOD + "binary:hash:SHA-256", binarySha256));
        properties.add(Map.entry(GOMOD + "build:env:GOVERSION", info.goVersion()));
        info.settings().forEach((key, value) -> {
            if (key.equals("-tags")) {
                for (String tag : value.split(",")) {
                    if (!tag.isBlank()) {
                        properties.add(Map.entry(GOMOD + "build:tag", tag.strip()));
                    }
                }
            } else if (key.equals("-compiler")) {
                properties.add(Map.entry(GOMOD + "build:compiler", value));
            } else if (key.equals("vcs") || key.startsWith("vcs.")) {
                properties.add(Map.entry(GOMOD + "build:" + key.replace('.', ':'), value));
            } else if (ENVIRONMENT_VARIABLE.matcher(key).matches()) {
                properties.add(Map.entry(GOMOD + "build:env:" + key, value));
            } else {
                properties.add(Map.entry(GOMVN + "build:" + key, value));
            }
        });
        properties.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        JsonArray array = new JsonArray();
        properties.forEach(property -> array.add(property(property.getKey(), property.getValue())));
        return array;
    }

    private static JsonObject property(String name, String value) {
        JsonObject property = new JsonObject();
        property.addProperty("name", name);
        property.addProperty("value", value);
        return property;
    }

    /** The main module depends on every module in the binary; which module needs which, the binary does not say. */
    private static JsonArray dependencies(String main, List<String> components) {
        JsonArray dependencies = new JsonArray();
        dependencies.add(dependency(main, components));
        components.forEach(component -> dependencies.add(dependency(component, List.of())));
        return dependencies;
    }

    private static JsonObject dependency(String reference, List<String> dependsOn) {
        JsonObject dependency = new JsonObject();
        dependency.addProperty("ref", reference);
        dependency.add("dependsOn", strings(dependsOn));
        return dependency;
    }

    /** The main component's modules are all known (complete); how they depend on each other is not (unknown). */
    private static JsonArray compositions(String main, List<String> components) {
        JsonArray compositions = new JsonArray();
        compositions.add(composition("complete", List.of(main)));
        compositions.add(composition("unknown", components));
        return compositions;
    }

    private static JsonObject composition(String aggregate, List<String> references) {
        JsonObject composition = new JsonObject();
        composition.addProperty("aggregate", aggregate);
        composition.add("dependencies", strings(references));
        return composition;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** A name-based UUID: the same binary with the same settings has the same serial number in every build. */
    private static UUID serialNumber(String binarySha256, SbomSettings settings) {
        return UUID.nameUUIDFromBytes(("gomvn SBOM of sha256:" + binarySha256 + " " + settings.fingerprint())
                .getBytes(StandardCharsets.UTF_8));
    }
}
