package dev.gomvn.core.vuln;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries govulncheck will read are the ones the index promises: for every id that {@code index/modules.json}
 * lists under a module this build uses, {@code ID/<id>.json} is an OSV entry with that id that affects that module.
 * govulncheck takes whatever a file holds (an entry that is no OSV, or another vulnerability's, reads as "nothing
 * found"), so a mirror that serves the wrong files would let a vulnerable module pass unchecked: this check fails
 * closed instead.
 */
final class OsvEntries {
    private OsvEntries() {}

    /** @throws EnvironmentException naming the first entry that is not what the index says, and the parameter */
    static void requireAsIndexed(String database, Path directory, ModulesIndex index, Set<String> modules) {
        Map<String, Set<String>> byId = index.modulesById(modules);
        for (Map.Entry<String, Set<String>> indexed : byId.entrySet()) {
            String id = indexed.getKey();
            Path file = directory.resolve("ID").resolve(id + ".json");
            String problem = problem(file, id, indexed.getValue());
            if (problem != null) {
                throw new EnvironmentException("Could not check for known vulnerabilities: the vulnerability database "
                        + database + " (<database>, " + VulnerabilityDatabase.PROPERTY + ") lists " + id + " for "
                        + String.join(", ", indexed.getValue()) + " in index/modules.json, but ID/" + id + ".json "
                        + problem + ". A database must hold, for every id its index lists, the OSV entry of that id "
                        + "(https://go.dev/security/vuln/database#api): fix the mirror or point <database> at "
                        + "another.");
            }
        }
    }

    private static String problem(Path file, String id, Set<String> modules) {
        if (!Files.isRegularFile(file)) {
            return "does not exist";
        }
        JsonObject entry;
        try {
            entry = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        } catch (JsonParseException | IllegalStateException e) {
            return "is not a JSON object";
        }
        JsonElement entryId = entry.get("id");
        if (entryId == null || !entryId.isJsonPrimitive()) {
            return "is no OSV entry (it has no \"id\")";
        }
        if (!entryId.getAsString().equals(id)) {
            return "is the entry of " + entryId.getAsString() + ", not of " + id;
        }
        Set<String> affected = affectedModules(entry);
        if (affected.stream().noneMatch(modules::contains)) {
            return "affects " + (affected.isEmpty() ? "no module" : String.join(", ", affected)) + ", not "
                    + String.join(", ", modules);
        }
        return null;
    }

    private static Set<String> affectedModules(JsonObject entry) {
        Set<String> modules = new TreeSet<>();
        JsonElement affected = entry.get("affected");
        if (affected != null && affected.isJsonArray()) {
            for (JsonElement element : affected.getAsJsonArray()) {
                if (element.isJsonObject()
                        && element.getAsJsonObject().get("package") instanceof JsonObject pkg
                        && pkg.get("name") != null
                        && pkg.get("name").isJsonPrimitive()) {
                    modules.add(pkg.get("name").getAsString());
                }
            }
        }
        return modules;
    }
}
