package dev.gomvn.sbom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.gomvn.core.binary.RuntimeNeeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a cgo binary needs at run time, as properties of its SBOM's metadata: linkage, C library and the version it
 * needs at least, ELF interpreter and shared libraries. CycloneDX has no field for them, and a scanner that decides
 * whether an image's glibc can run the binary reads them here.
 */
final class RuntimeNeedsProperties {
    private static final String PREFIX = "gomvn:runtime:";

    private RuntimeNeedsProperties() {}

    static void add(JsonObject bom, RuntimeNeeds needs) {
        List<Map.Entry<String, String>> added = new ArrayList<>();
        added.add(Map.entry(PREFIX + "linkage", needs.linkage().name().toLowerCase(Locale.ROOT)));
        added.add(Map.entry(PREFIX + "libc", needs.libc()));
        needs.libcVersion().ifPresent(version -> added.add(Map.entry(PREFIX + "libc:version", version)));
        needs.glibcxx().ifPresent(need -> added.add(Map.entry(PREFIX + "libstdc++:version", need.version())));
        needs.interpreter().ifPresent(path -> added.add(Map.entry(PREFIX + "interpreter", path)));
        needs.libraries().forEach(library -> added.add(Map.entry(PREFIX + "library", library)));
        needs.minimumOs().ifPresent(os -> added.add(Map.entry(PREFIX + "minimum-os", os.os() + " " + os.version())));
        JsonObject metadata = bom.getAsJsonObject("metadata");
        JsonArray properties = metadata.has("properties") ? metadata.getAsJsonArray("properties") : new JsonArray();
        List<JsonElement> all = new ArrayList<>();
        properties.forEach(all::add);
        for (Map.Entry<String, String> entry : added) {
            JsonObject property = new JsonObject();
            property.addProperty("name", entry.getKey());
            property.addProperty("value", entry.getValue());
            all.add(property);
        }
        // Sorted as the build properties are, so that the document's bytes depend on its content alone.
        all.sort(Comparator.comparing(
                        (JsonElement e) -> e.getAsJsonObject().get("name").getAsString())
                .thenComparing(e -> e.getAsJsonObject().get("value").getAsString()));
        JsonArray sorted = new JsonArray();
        all.forEach(sorted::add);
        metadata.add("properties", sorted);
    }
}
