package dev.gomvn.core.vuln;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code govulncheck -format json} printed: a stream of messages, each holding one of config, progress,
 * SBOM, osv or finding (golang.org/x/vuln internal/govulncheck, protocol v1.0.0). Findings come one per level:
 * a trace with a single module frame, one with a package, and, when a vulnerable symbol is called, a trace from
 * that symbol (first frame) back to the caller in the user's code (last frame).
 *
 * @param goVersion the Go the standard library was judged at, e.g. {@code go1.26.8}
 * @param database the database govulncheck read
 * @param entries the OSV entries govulncheck looked at, by id
 */
public record GovulncheckOutput(
        String scannerVersion,
        String goVersion,
        String database,
        String databaseLastModified,
        Map<String, OsvEntry> entries,
        List<Finding> findings) {

    /** The part of an OSV entry a message needs. */
    public record OsvEntry(String id, List<String> aliases, String summary) {}

    /** One finding; {@code trace} is never empty. */
    public record Finding(String osv, String fixedVersion, List<Frame> trace) {

        /** The deepest level this finding shows: a called symbol, an imported package, or a required module. */
        public ScanLevel level() {
            Frame vulnerable = trace.get(0);
            if (!vulnerable.function().isEmpty()) {
                return ScanLevel.SYMBOL;
            }
            return vulnerable.packagePath().isEmpty() ? ScanLevel.MODULE : ScanLevel.PACKAGE;
        }
    }

    /** A frame of a trace; empty strings for what govulncheck left out. */
    public record Frame(
            String module,
            String version,
            String packagePath,
            String function,
            String receiver,
            String file,
            int line,
            int column) {

        /** {@code example.com/app.main}, {@code golang.org/x/text/language.Parse}, {@code pkg.(*T).Method}. */
        public String symbol() {
            String owner = packagePath.isEmpty() ? module : packagePath;
            if (function.isEmpty()) {
                return owner;
            }
            if (receiver.isEmpty()) {
                return owner + "." + function;
            }
            String type = receiver.substring(receiver.lastIndexOf('.') + 1);
            return owner + "." + (receiver.startsWith("*") ? "(*" + type.replace("*", "") + ")" : type) + "."
                    + function;
        }

        /** {@code main.go:13:28}, empty without a position. */
        public String position() {
            return file.isEmpty() ? "" : file + ":" + line + ":" + column;
        }
    }

    public static GovulncheckOutput parse(String json) {
        String scannerVersion = "";
        String goVersion = "";
        String database = "";
        String lastModified = "";
        Map<String, OsvEntry> entries = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            // Concatenated top-level objects, not an array.
            reader.setLenient(true);
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                JsonObject message = JsonParser.parseReader(reader).getAsJsonObject();
                if (message.has("config")) {
                    JsonObject config = message.getAsJsonObject("config");
                    scannerVersion = text(config, "scanner_version");
                    goVersion = text(config, "go_version");
                    database = text(config, "db");
                    lastModified = text(config, "db_last_modified");
                } else if (message.has("osv")) {
                    JsonObject osv = message.getAsJsonObject("osv");
                    List<String> aliases = new ArrayList<>();
                    if (osv.has("aliases")) {
                        osv.getAsJsonArray("aliases").forEach(alias -> aliases.add(alias.getAsString()));
                    }
                    String id = text(osv, "id");
                    entries.put(id, new OsvEntry(id, List.copyOf(aliases), text(osv, "summary")));
                } else if (message.has("finding")) {
                    JsonObject finding = message.getAsJsonObject("finding");
                    List<Frame> trace = new ArrayList<>();
                    if (finding.has("trace")) {
                        finding.getAsJsonArray("trace").forEach(frame -> trace.add(frame(frame.getAsJsonObject())));
                    }
                    if (!trace.isEmpty()) {
                        findings.add(
                                new Finding(text(finding, "osv"), text(finding, "fixed_version"), List.copyOf(trace)));
                    }
                }
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new EnvironmentException(
                    "govulncheck printed output that is not its JSON stream (" + e.getMessage()
                            + "); run it with -X to see the output.",
                    e);
        }
        return new GovulncheckOutput(scannerVersion, goVersion, database, lastModified, entries, List.copyOf(findings));
    }

    public Optional<OsvEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    private static Frame frame(JsonObject frame) {
        JsonObject position = frame.has("position") ? frame.getAsJsonObject("position") : new JsonObject();
        return new Frame(
                text(frame, "module"),
                text(frame, "version"),
                text(frame, "package"),
                text(frame, "function"),
                text(frame, "receiver"),
                text(position, "filename"),
                number(position, "line"),
                number(position, "column"));
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static int number(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? 0 : value.getAsInt();
    }
}
