package dev.gomvn.enforcer;

import dev.gomvn.maven.MavenBuildContext;
import dev.gomvn.maven.PluginConfigurationReader;
import dev.gomvn.maven.ToolchainSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.eclipse.aether.RepositorySystem;

/**
 * What every Go rule needs from Maven, injected once: the build (session, project, settings.xml
 * decryption, resolver, process environment) and the go-maven-plugin's parameters of this project,
 * read with Maven's precedence by Maven's own expression evaluator.
 */
@Named
public class GoRuleContext {
    private final MavenBuildContext build;
    private final ExpressionEvaluator evaluator;
    private ToolchainSettings toolchainSettings;

    @Inject
    public GoRuleContext(
            MavenSession session,
            MavenProject project,
            SettingsDecrypter settingsDecrypter,
            RepositorySystem repositorySystem,
            ExpressionEvaluator evaluator) {
        this(MavenBuildContext.of(session, project, settingsDecrypter, repositorySystem), evaluator);
    }

    GoRuleContext(MavenBuildContext build, ExpressionEvaluator evaluator) {
        this.build = build;
        this.evaluator = evaluator;
    }

    MavenSession session() {
        return build.session();
    }

    MavenProject project() {
        return build.project();
    }

    /** The Maven process's environment, the layer that messages call "the environment". */
    Map<String, String> processEnvironment() {
        return build.processEnvironment();
    }

    /** A user or POM property, for a rule parameter that falls back to a {@code go.*} property. */
    Optional<String> property(String name) {
        return new PluginConfigurationReader(build.project(), evaluator).property(name);
    }

    /** Every target go:build is configured with in this project, as written. */
    List<String> buildTargets() {
        return new PluginConfigurationReader(build.project(), evaluator).buildTargets();
    }

    /** The go-maven-plugin's toolchain parameters of this project, as its goals will see them. */
    ToolchainSettings toolchainSettings() {
        // Each rule gets its own context, so reading the POM once serves all of that rule's questions.
        if (toolchainSettings == null) {
            toolchainSettings =
                    new ToolchainSettings(new PluginConfigurationReader(build.project(), evaluator).read(), build);
        }
        return toolchainSettings;
    }
}
