package dev.gomvn.core.policy;

import dev.gomvn.core.env.GoEnvironment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells which layer set a Go variable, in the go command's order: the plugin's POM
 * {@code <environment>}, the process environment, the GOENV file ({@code go env -w}), then
 * {@code $GOROOT/go.env}. As in Go, an empty environment variable does not override a file value.
 * The value itself always comes from {@code go env -json}; this class only says where it came from.
 */
public final class GoSettingSources {
    private final Map<String, String> pomEnvironment;
    private final Map<String, String> processEnvironment;
    private final Path goEnvFile;
    private final Map<String, String> goEnvFileValues;
    private final Path goRootGoEnv;
    private final Map<String, String> goRootValues;

    public GoSettingSources(
            Map<String, String> pomEnvironment, Map<String, String> processEnvironment, Path goEnvFile, Path goRoot) {
        this.pomEnvironment = Map.copyOf(pomEnvironment);
        this.processEnvironment = Map.copyOf(processEnvironment);
        this.goEnvFile = goEnvFile;
        this.goEnvFileValues = goEnvFile == null ? Map.of() : read(goEnvFile);
        this.goRootGoEnv = goRoot.resolve("go.env");
        this.goRootValues = read(goRootGoEnv);
    }

    public SettingSource sourceOf(String name) {
        if (!pomEnvironment.getOrDefault(name, "").isEmpty()) {
            return new SettingSource(SettingSource.Layer.POM, "the go-maven-plugin <environment> in the POM");
        }
        if (!processEnvironment.getOrDefault(name, "").isEmpty()) {
            return new SettingSource(SettingSource.Layer.ENVIRONMENT, "the environment variable " + name);
        }
        if (goEnvFileValues.containsKey(name)) {
            return new SettingSource(SettingSource.Layer.GOENV_FILE, "the GOENV file " + goEnvFile);
        }
        if (goRootValues.containsKey(name)) {
            return new SettingSource(SettingSource.Layer.GOROOT_GO_ENV, goRootGoEnv.toString());
        }
        return new SettingSource(SettingSource.Layer.DEFAULT, "Go's default");
    }

    /** Every variable any layer names, with its source: used to find names that look like Go settings but are not. */
    public Map<String, SettingSource> namedVariables() {
        Map<String, SettingSource> names = new LinkedHashMap<>();
        goRootValues.keySet().forEach(n -> names.put(n, sourceOf(n)));
        goEnvFileValues.keySet().forEach(n -> names.put(n, sourceOf(n)));
        processEnvironment.keySet().forEach(n -> names.put(n, sourceOf(n)));
        pomEnvironment.keySet().forEach(n -> names.put(n, sourceOf(n)));
        return names;
    }

    /** Go's env file format: KEY=VALUE lines and {@code #} comments, values taken as written. */
    static Map<String, String> read(Path file) {
        return GoEnvironment.readFile(file);
    }
}
