package dev.gomvn.core.binary;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.process.GoCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build information Go embeds in every binary, as {@code go version -m} prints it:
 * {@code path} (the main package), {@code mod} (the main module), {@code dep} lines each followed by its
 * {@code =>} replacement if any, and {@code build key=value} settings ({@code -trimpath=true},
 * {@code CGO_ENABLED=0}, {@code GOOS}, {@code GOARCH}, {@code GOAMD64}, ...).
 *
 * @param mainModule   the module holding the main package; empty when the binary was built outside module mode
 * @param dependencies every dependency module linked in, in the order Go lists them (sorted by path)
 */
public record GoBuildInfo(
        String goVersion,
        String path,
        Optional<Module> mainModule,
        List<Module> dependencies,
        Map<String, String> settings) {

    /**
     * One module as the binary records it.
     *
     * @param version     a semantic version, or {@code (devel)} for the main module and directory replacements
     * @param sum         the {@code h1:} hash of the module's content as in go.sum; empty when Go recorded none
     *                    (the main module, a dependency that is replaced, a directory replacement)
     * @param replacement what a {@code replace} directive put in this module's place
     */
    public record Module(String path, String version, String sum, Optional<Module> replacement) {

        /** The module whose code is really in the binary: the replacement if there is one. */
        public Module linked() {
            return replacement.orElse(this);
        }
    }

    public static GoBuildInfo parse(String output) {
        String goVersion = "";
        String path = "";
        Module mainModule = null;
        List<Module> dependencies = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String raw : output.split("\r?\n")) {
            if (!raw.startsWith("\t") && raw.contains(": ")) {
                goVersion = raw.substring(raw.indexOf(": ") + 2).strip();
                continue;
            }
            String[] fields = raw.strip().split("\t", 2);
            if (fields.length < 2) {
                continue;
            }
            switch (fields[0]) {
                case "path":
                    path = fields[1].strip();
                    break;
                case "mod":
                    mainModule = module(fields[1]);
                    break;
                case "dep":
                    dependencies.add(module(fields[1]));
                    break;
                case "=>":
                    // A replacement belongs to the dep line right above it.
                    if (!dependencies.isEmpty()) {
                        Module replaced = dependencies.remove(dependencies.size() - 1);
                        dependencies.add(new Module(
                                replaced.path(), replaced.version(), replaced.sum(), Optional.of(module(fields[1]))));
                    }
                    break;
                case "build":
                    String setting = fields[1].strip();
                    int equals = setting.indexOf('=');
                    if (equals > 0) {
                        settings.put(setting.substring(0, equals), unquote(setting.substring(equals + 1)));
                    }
                    break;
                default:
                    break;
            }
        }
        return new GoBuildInfo(
                goVersion, path, Optional.ofNullable(mainModule), List.copyOf(dependencies), Map.copyOf(settings));
    }

    /** Runs {@code go version -m} on a binary; WebAssembly modules have no build info it can read. */
    public static GoBuildInfo read(Path goRoot, Path binary, GoLog log) {
        String output = GoCommand.of(goRoot, "version", "-m", binary.toString())
                .log(log)
                .timeout(Duration.ofMinutes(1))
                .output();
        return parse(output);
    }

    /** {@code <path> <version> [<h1:sum>]}, tab separated. */
    private static Module module(String line) {
        String[] fields = line.strip().split("\t");
        return new Module(
                fields[0].strip(),
                fields.length > 1 ? fields[1].strip() : "",
                fields.length > 2 ? fields[2].strip() : "",
                Optional.empty());
    }

    /** Values with spaces are printed quoted ({@code -ldflags="-s -w"}). */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).replace("\\\"", "\"")
                : value;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
