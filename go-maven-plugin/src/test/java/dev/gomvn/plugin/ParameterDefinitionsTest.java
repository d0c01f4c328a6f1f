package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.maven.GoParameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor and the README's parameter tables must say what {@link GoParameter}
 * and the goals' fields say, so that no name, property, default or text drifts. The descriptor is
 * generated in process-classes, before these tests run.
 */
class ParameterDefinitionsTest {
    static Map<String, Map<String, DescribedParameter>> descriptor;
    static String readme;

    /** One parameter as plugin.xml describes it. */
    record DescribedParameter(
            String name, String property, String defaultValue, String description, boolean editable) {}

    @BeforeAll
    static void read() throws Exception {
        descriptor = parse(Path.of("target/classes/META-INF/maven/plugin.xml"));
        readme = Files.readString(Path.of("../README.md"));
    }

    @Test
    void everyGoalDeclaresEveryToolchainParameterAsDefined() {
        for (String goal : List.of("toolchain", "build", "test")) {
            Map<String, DescribedParameter> parameters = descriptor.get(goal);
            for (GoParameter parameter : GoParameter.values()) {
                DescribedParameter described = parameters.get(parameter.element());
                assertThat(described)
                        .as("go:%s declares <%s>", goal, parameter.element())
                        .isNotNull();
                assertThat(described.property())
                        .as("property of <%s>", parameter.element())
                        .isEqualTo(parameter.property().orElse(null));
                assertThat(described.defaultValue())
                        .as("default of <%s>", parameter.element())
                        .isEqualTo(parameter.defaultValue().orElse(null));
                assertThat(described.description())
                        .as("documentation of <%s> (the field's javadoc)", parameter.element())
                        .isEqualTo(parameter.description());
            }
        }
        assertThat(userParameters("toolchain"))
                .as("go:toolchain takes only the toolchain parameters")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(GoParameter.values())
                        .map(GoParameter::element)
                        .toList());
    }

    @Test
    void theReadmeTableOfEveryGoalsParametersListsExactlyTheToolchainParameters() {
        Map<String, List<String>> rows = table("### Parameters of every goal (choosing Go)");
        assertThat(rows.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(GoParameter.values())
                        .map(GoParameter::element)
                        .toList());
        for (GoParameter parameter : GoParameter.values()) {
            assertRowMatches(
                    rows.get(parameter.element()), descriptor.get("toolchain").get(parameter.element()));
        }
    }

    @Test
    void theReadmeTablesOfBuildAndTestListExactlyTheirOwnParameters() {
        Set<String> shared =
                Arrays.stream(GoParameter.values()).map(GoParameter::element).collect(Collectors.toSet());
        for (String goal : List.of("build", "test")) {
            Map<String, List<String>> rows = table("### `go:" + goal + "`");
            List<String> own = userParameters(goal).stream()
                    .filter(name -> !shared.contains(name))
                    .toList();
            assertThat(rows.keySet()).as("README rows of go:%s", goal).containsExactlyInAnyOrderElementsOf(own);
            for (String name : own) {
                assertRowMatches(rows.get(name), descriptor.get(goal).get(name));
            }
        }
    }

    @Test
    void theReadmeTablesOfTheImageGoalsListExactlyTheirParameters() {
        List<GoParameter> network = List.of(GoParameter.CONNECT_TIMEOUT, GoParameter.READ_TIMEOUT, GoParameter.RETRIES);
        for (String goal : List.of("image", "image-push")) {
            for (GoParameter parameter : network) {
                DescribedParameter described = descriptor.get(goal).get(parameter.element());
                assertThat(described)
                        .as("go:%s takes <%s> for its registry requests", goal, parameter.element())
                        .isNotNull();
                assertThat(described.property()).isEqualTo(parameter.property().orElse(null));
                assertThat(described.description()).isEqualTo(parameter.description());
            }
            // The image goals' tables list the network parameters too: a user tuning a slow registry looks there.
            List<String> all = userParameters(goal);
            Map<String, List<String>> rows = table("### `go:" + goal + "`");
            assertThat(rows.keySet()).as("README rows of go:%s", goal).containsExactlyInAnyOrderElementsOf(all);
            for (String name : all) {
                assertRowMatches(rows.get(name), descriptor.get(goal).get(name));
            }
        }
    }

    private static void assertRowMatches(List<String> row, DescribedParameter described) {
        String property = row.get(1).replace("`", "").strip();
        assertThat(property)
                .as("README property of <%s>", described.name())
                .isEqualTo(described.property() == null ? "" : described.property());
        if (described.defaultValue() != null) {
            assertThat(row.get(2).strip())
                    .as("README default of <%s>", described.name())
                    .startsWith("`" + described.defaultValue() + "`");
        }
    }

    private static List<String> userParameters(String goal) {
        return descriptor.get(goal).values().stream()
                .filter(DescribedParameter::editable)
                .map(DescribedParameter::name)
                .toList();
    }

    /** The rows of the first table after {@code heading}, keyed by the parameter name in the first cell. */
    private static Map<String, List<String>> table(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has the heading %s", heading).isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : readme.substring(start + heading.length() + 2).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                // Only the first three cells (name, property, default) are read; they hold no '|'.
                List<String> cells = Arrays.asList(line.substring(1).split("\\|", 4));
                String first = cells.get(0).strip();
                if (first.startsWith("`")) {
                    rows.put(
                            first.replace("`", ""),
                            cells.stream().map(String::strip).toList());
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static Map<String, Map<String, DescribedParameter>> parse(Path pluginXml) throws Exception {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("run the build to process-classes first: " + pluginXml + " is missing", e);
        }
        Map<String, Map<String, DescribedParameter>> goals = new LinkedHashMap<>();
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Map<String, DescribedParameter> parameters = new LinkedHashMap<>();
            Element configuration = child(mojo, "configuration");
            Element declared = child(mojo, "parameters");
            for (Element parameter : children(declared, "parameter")) {
                String name = text(parameter, "name");
                Element configured = configuration == null ? null : child(configuration, name);
                String expression =
                        configured == null ? "" : configured.getTextContent().strip();
                String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : null;
                String defaultValue = configured == null || !configured.hasAttribute("default-value")
                        ? null
                        : configured.getAttribute("default-value");
                parameters.put(
                        name,
                        new DescribedParameter(
                                name,
                                property,
                                defaultValue,
                                text(parameter, "description"),
                                "true".equals(text(parameter, "editable"))));
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        return goals;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
