package dev.gomvn.plugin;

import static dev.gomvn.maven.GoParameter.CONNECT_TIMEOUT;
import static dev.gomvn.maven.GoParameter.READ_TIMEOUT;
import static dev.gomvn.maven.GoParameter.RETRIES;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.PathEncoding;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.maven.MavenBuildContext;
import dev.gomvn.maven.MavenNetworkSettings;
import dev.gomvn.maven.ParameterValues;
import java.nio.file.InvalidPathException;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.eclipse.aether.RepositorySystem;

/**
 * What every goal shares: Maven's session and components, how servers are reached (settings.xml proxies, the
 * timeouts and retries below), the Maven face of gomvn's log, and the one mapping of the core's typed failures to
 * Maven's: the project's mistakes fail the build, a machine that lets it down is an error.
 */
abstract class AbstractGoMojo extends AbstractMojo {

    /** Seconds to wait for a connection to a server: the download root, a proxy, a registry. */
    @Parameter(property = "go.connectTimeout", defaultValue = "20")
    int connectTimeout;

    /** Seconds a download or a registry may stall before the request is retried or given up. */
    @Parameter(property = "go.readTimeout", defaultValue = "60")
    int readTimeout;

    /** Extra attempts after a server error, a reset connection or a truncated download. */
    @Parameter(property = "go.retries", defaultValue = "3")
    int retries;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Component
    SettingsDecrypter settingsDecrypter;

    @Component
    RepositorySystem repositorySystem;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Optional<String> skipped = skipReason();
        if (skipped.isPresent()) {
            getLog().info("Skipping: " + skipped.get() + " is true.");
            return;
        }
        try {
            run();
        } catch (InvalidPathException e) {
            throw new MojoExecutionException(PathEncoding.explain(e).getMessage(), e);
        } catch (EnvironmentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (GoCoreException e) {
            // Bad configuration, failed verification, code that does not compile: the project's to fix.
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The property that skips this goal, when one is set. */
    abstract Optional<String> skipReason();

    abstract void run() throws MojoExecutionException, MojoFailureException;

    GoLog goLog() {
        return GoLog.of(
                getLog()::info,
                getLog()::warn,
                getLog()::debug,
                getLog()::isDebugEnabled,
                session.getRequest().isInteractiveMode());
    }

    /** The network parameters as Maven injected them; goals with more parameters add theirs. */
    ParameterValues.Builder networkParameters() {
        return ParameterValues.builder()
                .put(CONNECT_TIMEOUT, connectTimeout)
                .put(READ_TIMEOUT, readTimeout)
                .put(RETRIES, retries);
    }

    /** settings.xml proxies, -o, and this goal's timeouts and retries, without a download-root login. */
    NetworkSettings networkSettings() {
        return MavenNetworkSettings.from(
                session, settingsDecrypter, networkParameters().build());
    }

    /** Maven's evaluation of {@code ${...}} in configuration this goal reads itself rather than through injection. */
    ExpressionEvaluator expressionEvaluator() {
        return new PluginParameterExpressionEvaluator(session, mojoExecution);
    }

    MavenBuildContext buildContext() {
        return MavenBuildContext.of(session, project, settingsDecrypter, repositorySystem);
    }
}
