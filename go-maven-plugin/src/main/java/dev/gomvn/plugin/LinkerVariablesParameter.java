package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Reads {@code <linkerVariables>} in both of its forms, in the order written:
 *
 * <pre>{@code
 * <linkerVariables>
 *   <main.version>${project.version}</main.version>
 *   <linkerVariable>
 *     <name>sigs.k8s.io/kind/pkg/cmd/kind/version.gitCommit</name>
 *     <value>${git.commit.id}</value>
 *   </linkerVariable>
 * </linkerVariables>
 * }</pre>
 *
 * A name is an XML element name in the first form, which cannot hold the {@code /} of an import
 * path; hence the second. Maven's map conversion would read the second as a variable called
 * {@code linkerVariable} with no value, so the parameter is taken as raw configuration and its values
 * are evaluated here with Maven's own expression evaluator, as Maven would have.
 */
final class LinkerVariablesParameter {
    static final String ENTRY = "linkerVariable";
    private static final String EXAMPLE = "<linkerVariable><name>example.com/op/internal/version.gitCommit</name>"
            + "<value>${git.commit.id}</value></linkerVariable>";

    private LinkerVariablesParameter() {}

    /**
     * @param evaluate Maven's evaluation of {@code ${...}} expressions in a configured value
     * @return name to value, in the order configured
     */
    static Map<String, String> read(PlexusConfiguration configuration, UnaryOperator<String> evaluate) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (configuration == null) {
            return variables;
        }
        for (PlexusConfiguration entry : configuration.getChildren()) {
            String name;
            String value;
            if (entry.getName().equals(ENTRY)) {
                name = nested(entry, "name", evaluate);
                value = nested(entry, "value", evaluate);
            } else {
                name = entry.getName();
                value = entry.getValue() == null ? "" : evaluate.apply(entry.getValue());
            }
            if (variables.put(name, value) != null) {
                throw new ConfigurationException(
                        "linkerVariables", "<linkerVariables> sets " + name + " twice; keep one entry for it.");
            }
        }
        return variables;
    }

    private static String nested(PlexusConfiguration entry, String child, UnaryOperator<String> evaluate) {
        for (PlexusConfiguration element : entry.getChildren()) {
            if (!element.getName().equals("name") && !element.getName().equals("value")) {
                throw new ConfigurationException(
                        "linkerVariables",
                        "<linkerVariables> has a <" + ENTRY + "> with <" + element.getName()
                                + ">; it takes only <name> and <value>, e.g. " + EXAMPLE + ".");
            }
        }
        PlexusConfiguration element = entry.getChild(child, false);
        if (element == null) {
            throw new ConfigurationException(
                    "linkerVariables",
                    "<linkerVariables> has a <" + ENTRY + "> without <" + child + ">; write " + EXAMPLE
                            + (child.equals("value") ? " (<value/> for an empty string)." : "."));
        }
        return element.getValue() == null ? "" : evaluate.apply(element.getValue());
    }
}
