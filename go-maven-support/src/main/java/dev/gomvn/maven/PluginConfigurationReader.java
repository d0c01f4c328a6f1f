package dev.gomvn.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the go-maven-plugin's {@link GoParameter}s of a project the way Maven configures the plugin's
 * goals, so that the enforcer rules judge the same Go with the same {@code <environment>}: an
 * execution's {@code <configuration>} over the plugin's {@code <configuration>} over the user property
 * (evaluated by Maven's own expression evaluator: command line, then POM and system properties) over
 * the default. Expressions inside configured values ({@code ${project.basedir}/go}) are evaluated too.
 *
 * <p>A plugin may have several executions; the one that provisions Go decides: the execution of goal
 * {@code toolchain}, else {@code build}, else {@code test}, else the first one declared.
 */
public final class PluginConfigurationReader {
    public static final String PLUGIN_KEY = "dev.gomvn:go-maven-plugin";
    private static final List<String> GOAL_PREFERENCE = List.of("toolchain", "build", "test");
    /** go:build's {@code <targets>}: not a parameter of every goal, but checked before any goal builds. */
    private static final String TARGETS = "targets";

    private static final String TARGETS_PROPERTY = "go.targets";
    private static final String TARGETS_DISPLAY = "<targets> (go.targets)";

    private final MavenProject project;
    private final ExpressionEvaluator evaluator;

    public PluginConfigurationReader(MavenProject project, ExpressionEvaluator evaluator) {
        this.project = project;
        this.evaluator = evaluator;
    }

    public ParameterValues read() {
        List<Xpp3Dom> layers = configurationLayers();
        ParameterValues.Builder values = ParameterValues.builder();
        for (GoParameter parameter : GoParameter.values()) {
            if (parameter == GoParameter.SHA256S || parameter == GoParameter.ENVIRONMENT) {
                values.putMap(parameter, map(layers, parameter));
            } else {
                values.put(parameter, scalar(layers, parameter).orElse(null));
            }
        }
        return values.build();
    }

    /**
     * Every target go:build is configured with, over all its executions ({@code default-build} of the
     * {@code go} packaging included): each execution's {@code <targets>} over the plugin's over
     * {@code go.targets} over {@code host}. Without an execution of go:build, what {@code mvn go:build}
     * would use. Entries are as written ({@code linux/amd64}); comma lists are split.
     */
    public List<String> buildTargets() {
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        Xpp3Dom pluginConfiguration =
                plugin != null && plugin.getConfiguration() instanceof Xpp3Dom configuration ? configuration : null;
        List<Xpp3Dom> executionConfigurations = new ArrayList<>();
        if (plugin != null) {
            plugin.getExecutions().stream()
                    .filter(execution -> execution.getGoals().contains("build"))
                    .forEach(execution -> executionConfigurations.add(
                            execution.getConfiguration() instanceof Xpp3Dom configuration ? configuration : null));
        }
        if (executionConfigurations.isEmpty()) {
            executionConfigurations.add(null);
        }
        Set<String> targets = new LinkedHashSet<>();
        for (Xpp3Dom executionConfiguration : executionConfigurations) {
            List<Xpp3Dom> layers = new ArrayList<>();
            Optional.ofNullable(executionConfiguration).ifPresent(layers::add);
            Optional.ofNullable(pluginConfiguration).ifPresent(layers::add);
            targets.addAll(targets(layers));
        }
        return List.copyOf(targets);
    }

    private List<String> targets(List<Xpp3Dom> layers) {
        for (Xpp3Dom layer : layers) {
            Xpp3Dom element = layer.getChild(TARGETS);
            if (element != null) {
                List<String> written = new ArrayList<>();
                if (element.getChildCount() > 0) {
                    for (Xpp3Dom target : element.getChildren()) {
                        written.add(target.getValue() == null ? "" : target.getValue());
                    }
                } else if (element.getValue() != null) {
                    written.add(element.getValue());
                }
                List<String> evaluated = new ArrayList<>();
                written.forEach(text ->
                        evaluate(text, TARGETS_PROPERTY, TARGETS_DISPLAY).ifPresent(evaluated::add));
                return splitCommas(evaluated);
            }
        }
        return splitCommas(List.of(evaluate("${" + TARGETS_PROPERTY + "}", TARGETS_PROPERTY, TARGETS_DISPLAY)
                .orElse("host")));
    }

    private static List<String> splitCommas(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    private Optional<String> scalar(List<Xpp3Dom> layers, GoParameter parameter) {
        for (Xpp3Dom layer : layers) {
            Xpp3Dom child = layer.getChild(parameter.element());
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                Optional<String> value = evaluate(child.getValue(), parameter);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        Optional<String> fromProperty = parameter.property().flatMap(p -> evaluate("${" + p + "}", parameter));
        if (fromProperty.isPresent()) {
            return fromProperty;
        }
        return parameter.defaultValue().flatMap(d -> evaluate(d, parameter));
    }

    /** Map entries merge like Maven merges configuration: the execution's entries over the plugin's. */
    private Map<String, String> map(List<Xpp3Dom> layers, GoParameter parameter) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Xpp3Dom element = layers.get(i).getChild(parameter.element());
            if (element != null) {
                for (Xpp3Dom entry : element.getChildren()) {
                    result.put(
                            entry.getName(),
                            entry.getValue() == null
                                    ? ""
                                    : evaluate(entry.getValue(), parameter).orElse(""));
                }
            }
        }
        return result;
    }

    private Optional<String> evaluate(String text, GoParameter parameter) {
        return evaluate(text, parameter.property().orElse(parameter.element()), parameter.displayName());
    }

    /** A user or POM property as Maven resolves {@code ${name}}, for a rule parameter that falls back to one. */
    public Optional<String> property(String name) {
        return evaluate("${" + name + "}", name, "${" + name + "}");
    }

    /** An expression Maven cannot resolve stays unset, as it does for a goal's parameter. */
    private Optional<String> evaluate(String text, String property, String displayName) {
        try {
            Object value = evaluator.evaluate(text);
            if (value == null) {
                return Optional.empty();
            }
            String string = value instanceof File file ? file.getPath() : value.toString();
            return string.isBlank() || string.contains("${") ? Optional.empty() : Optional.of(string.strip());
        } catch (ExpressionEvaluationException e) {
            throw new dev.gomvn.core.ConfigurationException(
                    property, displayName + " is '" + text + "', which Maven cannot evaluate: " + e.getMessage());
        }
    }

    /** The deciding execution's configuration first, then the plugin's; empty without the plugin. */
    private List<Xpp3Dom> configurationLayers() {
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        List<Xpp3Dom> layers = new ArrayList<>();
        if (plugin == null) {
            return layers;
        }
        plugin.getExecutions().stream()
                .min(Comparator.comparingInt(PluginConfigurationReader::goalRank))
                .map(PluginExecution::getConfiguration)
                .filter(Xpp3Dom.class::isInstance)
                .map(Xpp3Dom.class::cast)
                .ifPresent(layers::add);
        if (plugin.getConfiguration() instanceof Xpp3Dom configuration) {
            layers.add(configuration);
        }
        return layers;
    }

    private static int goalRank(PluginExecution execution) {
        return execution.getGoals().stream()
                .mapToInt(GOAL_PREFERENCE::indexOf)
                .map(i -> i < 0 ? GOAL_PREFERENCE.size() : i)
                .min()
                .orElse(GOAL_PREFERENCE.size());
    }
}
