package dev.gomvn.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the go-maven-plugin's settings for a project the way its goals would see them: an element in
 * the plugin's POM {@code <configuration>} first, then the {@code go.*} property from the command
 * line, system properties or the POM. The enforcer rules use it so they judge the same Go and the
 * same {@code <environment>} the build will use.
 */
public final class GoPluginConfiguration {
    public static final String PLUGIN_KEY = "dev.gomvn:go-maven-plugin";

    private final MavenProject project;
    private final MavenSession session;

    public GoPluginConfiguration(MavenProject project, MavenSession session) {
        this.project = project;
        this.session = session;
    }

    public ToolchainParameters toolchainParameters(File moduleDirectory) {
        return new ToolchainParameters(
                value("goRoot", "go.root").map(File::new).orElse(null),
                value("version", "go.version").orElse(null),
                value("downloadRoot", "go.downloadRoot").orElse(null),
                value("sha256", "go.sha256").orElse(null),
                map("sha256s"),
                value("sdkDirectory", "go.sdkDirectory").map(File::new).orElse(null),
                value("serverId", "go.serverId").orElse(null),
                value("connectTimeout", "go.connectTimeout").map(Integer::parseInt).orElse(20),
                value("readTimeout", "go.readTimeout").map(Integer::parseInt).orElse(60),
                value("retries", "go.retries").map(Integer::parseInt).orElse(3),
                value("lockTimeout", "go.lockTimeout").map(Integer::parseInt).orElse(10),
                moduleDirectory,
                environment(),
                value("source", "go.source").orElse(null),
                value("proxy", "go.proxy").orElse(null),
                value("sumdb", "go.sumdb").orElse(null),
                value("sdkArtifact", "go.sdkArtifact").orElse(null));
    }

    /** The plugin's {@code <environment>}: what every go command of this project runs with. */
    public Map<String, String> environment() {
        return map("environment");
    }

    Optional<String> value(String element, String property) {
        Optional<String> configured = configuration().map(dom -> dom.getChild(element)).map(Xpp3Dom::getValue)
                .map(String::trim).filter(v -> !v.isEmpty() && !v.startsWith("${"));
        if (configured.isPresent()) {
            return configured;
        }
        for (Properties properties : new Properties[] {session.getUserProperties(), session.getSystemProperties(),
                project.getProperties()}) {
            String value = properties == null ? null : properties.getProperty(property);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private Map<String, String> map(String element) {
        Map<String, String> result = new LinkedHashMap<>();
        configuration().map(dom -> dom.getChild(element)).ifPresent(parent -> {
            for (Xpp3Dom child : parent.getChildren()) {
                result.put(child.getName(), child.getValue() == null ? "" : child.getValue().trim());
            }
        });
        return result;
    }

    /** Plugin-level configuration merged with every execution's, the plugin level winning ties. */
    private Optional<Xpp3Dom> configuration() {
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        if (plugin == null) {
            return Optional.empty();
        }
        Xpp3Dom merged = plugin.getConfiguration() instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : new Xpp3Dom("configuration");
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getConfiguration() instanceof Xpp3Dom dom) {
                merged = Xpp3Dom.mergeXpp3Dom(merged, new Xpp3Dom(dom));
            }
        }
        return Optional.of(merged);
    }
}
