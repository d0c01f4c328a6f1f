package dev.gomvn.core.vuln;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code index/modules.json} of a vulnerability database in the v1 layout: every module path with the ids of the
 * entries that affect it, and when each entry was last modified. An index that is not that list fails closed, naming
 * the database, instead of leaving a module unchecked. Each module's list is read when it is asked for, so an index
 * is judged by the modules a check uses.
 */
final class ModulesIndex {
    private record Module(String path, JsonElement vulns) {}

    /** One id the index lists under a module, with when its entry was last modified ("" when it does not say). */
    private record Vuln(String id, String modified) {}

    private final String database;
    private final List<Module> modules;

    private ModulesIndex(String database, List<Module> modules) {
        this.database = database;
        this.modules = modules;
    }

    /**
     * @param database the database as messages name it, without its login
     * @throws EnvironmentException when the index is not a JSON array of modules with a "path"
     */
    static ModulesIndex parse(byte[] json, String database) {
        JsonArray array;
        try {
            array = JsonParser.parseString(new String(json, StandardCharsets.UTF_8))
                    .getAsJsonArray();
        } catch (JsonParseException | IllegalStateException e) {
            throw malformed(database, "it is not a JSON array: " + e.getMessage());
        }
        List<Module> modules = new ArrayList<>();
        for (JsonElement element : array) {
            if (!element.isJsonObject()) {
                throw malformed(database, "an entry is not a JSON object");
            }
            JsonObject module = element.getAsJsonObject();
            modules.add(new Module(string(database, module, "path"), module.get("vulns")));
        }
        return new ModulesIndex(database, List.copyOf(modules));
    }

    /**
     * The ids govulncheck will read for these modules: every entry of each, since in source mode it asks the
     * database by module path alone and judges the versions itself (golang.org/x/vuln internal/vulncheck/fetch.go).
     */
    List<String> ids(Set<String> used) {
        return List.copyOf(modulesById(used).keySet());
    }

    /** Each id the index lists under a module of {@code used}, with those modules, in the order of the ids. */
    SortedMap<String, Set<String>> modulesById(Set<String> used) {
        SortedMap<String, Set<String>> byId = new TreeMap<>();
        for (Module module : modules) {
            if (used.contains(module.path())) {
                for (Vuln vuln : vulns(module)) {
                    byId.computeIfAbsent(vuln.id(), id -> new TreeSet<>()).add(module.path());
                }
            }
        }
        return byId;
    }

    /** When each entry the index lists was last modified, by id: an entry whose time changed is downloaded again. */
    Map<String, String> modifiedById() {
        Map<String, String> modified = new LinkedHashMap<>();
        for (Module module : modules) {
            for (Vuln vuln : vulns(module)) {
                modified.put(vuln.id(), vuln.modified());
            }
        }
        return modified;
    }

    private List<Vuln> vulns(Module module) {
        if (module.vulns() == null || !module.vulns().isJsonArray()) {
            throw malformed(database, "the module " + module.path() + " has no \"vulns\" list");
        }
        List<Vuln> vulns = new ArrayList<>();
        for (JsonElement element : module.vulns().getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw malformed(database, "an entry of " + module.path() + " is not a JSON object");
            }
            JsonObject vuln = element.getAsJsonObject();
            JsonElement modified = vuln.get("modified");
            vulns.add(new Vuln(
                    string(database, vuln, "id"),
                    modified != null && modified.isJsonPrimitive() ? modified.getAsString() : ""));
        }
        return vulns;
    }

    private static String string(String database, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive()) {
            throw malformed(database, "an entry has no \"" + field + "\"");
        }
        return value.getAsString();
    }

    private static EnvironmentException malformed(String database, String problem) {
        return new EnvironmentException("Could not check for known vulnerabilities: the vulnerability database "
                + database + " (<database>, " + VulnerabilityDatabase.PROPERTY + ") has an index/modules.json "
                + "that is not the v1 layout's list of modules with their vulnerabilities (" + problem
                + "). Fix the mirror or point <database> at another (https://go.dev/security/vuln/database#api).");
    }
}
