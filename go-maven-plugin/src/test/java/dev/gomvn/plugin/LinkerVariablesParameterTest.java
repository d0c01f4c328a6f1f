package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import java.io.StringReader;
import java.util.function.UnaryOperator;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Both ways of writing {@code <linkerVariables>}, as a POM holds them. */
class LinkerVariablesParameterTest {
    /** Stands in for Maven's evaluator: ${git.commit} is defined, everything else is literal. */
    static final UnaryOperator<String> EVALUATE = text -> text.replace("${git.commit}", "abc123");

    static PlexusConfiguration xml(String inner) throws Exception {
        return new XmlPlexusConfiguration(
                Xpp3DomBuilder.build(new StringReader("<linkerVariables>" + inner + "</linkerVariables>")));
    }

    @Test
    void elementNamesAndNameValueEntriesMixInTheOrderWritten() throws Exception {
        var variables = LinkerVariablesParameter.read(
                xml("<main.version>1.0 (beta)</main.version>"
                        + "<linkerVariable><name>sigs.k8s.io/kind/pkg/cmd/kind/version.gitCommit</name>"
                        + "<value>${git.commit}</value></linkerVariable>"
                        + "<linkerVariable><name>example.com/op/internal/version.date</name><value/></linkerVariable>"
                        + "<main.empty/>"),
                EVALUATE);
        assertThat(variables)
                .containsExactly(
                        java.util.Map.entry("main.version", "1.0 (beta)"),
                        java.util.Map.entry("sigs.k8s.io/kind/pkg/cmd/kind/version.gitCommit", "abc123"),
                        java.util.Map.entry("example.com/op/internal/version.date", ""),
                        java.util.Map.entry("main.empty", ""));
    }

    @Test
    void nothingConfiguredIsNoVariable() {
        assertThat(LinkerVariablesParameter.read(null, EVALUATE)).isEmpty();
    }

    @Test
    void anEntryWithoutNameOrValueIsAConfigurationErrorShowingTheForm() {
        assertThatThrownBy(() -> LinkerVariablesParameter.read(
                        xml("<linkerVariable><value>1</value></linkerVariable>"), EVALUATE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<linkerVariables> has a <linkerVariable> without <name>; write <linkerVariable>"
                        + "<name>example.com/op/internal/version.gitCommit</name><value>${git.commit.id}</value>"
                        + "</linkerVariable>.");
        assertThatThrownBy(() -> LinkerVariablesParameter.read(
                        xml("<linkerVariable><name>main.version</name></linkerVariable>"), EVALUATE))
                .hasMessageStartingWith("<linkerVariables> has a <linkerVariable> without <value>; write ")
                .hasMessageEndingWith(" (<value/> for an empty string).");
        assertThatThrownBy(() -> LinkerVariablesParameter.read(
                        xml("<linkerVariable><nmae>main.version</nmae><value>1</value></linkerVariable>"), EVALUATE))
                .hasMessageStartingWith(
                        "<linkerVariables> has a <linkerVariable> with <nmae>; it takes only <name>" + " and <value>");
    }

    @Test
    void aVariableSetTwiceIsRefused() {
        assertThatThrownBy(() -> LinkerVariablesParameter.read(
                        xml("<main.version>1</main.version>"
                                + "<linkerVariable><name>main.version</name><value>2</value></linkerVariable>"),
                        EVALUATE))
                .hasMessage("<linkerVariables> sets main.version twice; keep one entry for it.");
    }
}
