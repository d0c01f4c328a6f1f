package dev.gomvn.maven.testsupport;

import dev.gomvn.maven.MavenBuildContext;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.internal.impl.SimpleLocalRepositoryManagerFactory;
import org.eclipse.aether.repository.LocalRepository;

/**
 * A real MavenSession and project, with Maven's own expression evaluator, for tests of the Maven
 * edge: user properties (-D), system properties, POM properties, settings.xml and the POM's
 * go-maven-plugin configuration are what a test sets.
 */
public final class TestMavenBuild {
    public final Properties userProperties = new Properties();
    public final Properties systemProperties = new Properties();
    public final Settings settings = new Settings();
    public final MavenProject project;
    public final Map<String, String> processEnvironment;
    private final Path localRepository;
    private boolean offline;
    private Plugin plugin;

    public TestMavenBuild(Path basedir, Map<String, String> processEnvironment) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("app");
        model.setVersion("1.0");
        model.setPackaging("go");
        model.setBuild(new Build());
        model.getBuild().setDirectory(basedir.resolve("target").toString());
        project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        this.processEnvironment = processEnvironment;
        this.localRepository = basedir.resolve("repository");
    }

    public TestMavenBuild offline() {
        offline = true;
        return this;
    }

    /** The go-maven-plugin's plugin-level configuration, as XML. */
    public Plugin plugin(String configuration) {
        goPlugin().setConfiguration(configuration == null ? null : xml(configuration));
        return goPlugin();
    }

    private Plugin goPlugin() {
        if (plugin == null) {
            plugin = new Plugin();
            plugin.setGroupId("dev.gomvn");
            plugin.setArtifactId("go-maven-plugin");
            project.getBuild().addPlugin(plugin);
            project.getBuild().flushPluginMap();
        }
        return plugin;
    }

    /** An execution of the go-maven-plugin with these goals and this configuration. */
    public void execution(String id, List<String> goals, String configuration) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setGoals(new ArrayList<>(goals));
        execution.setConfiguration(xml(configuration));
        goPlugin().addExecution(execution);
    }

    public MavenSession session() {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(userProperties);
        request.setSystemProperties(systemProperties);
        request.setOffline(offline);
        request.setBaseDirectory(project.getBasedir());
        DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
        try {
            repositorySession.setLocalRepositoryManager(new SimpleLocalRepositoryManagerFactory()
                    .newInstance(repositorySession, new LocalRepository(localRepository.toFile())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        request.setProxies(settings.getProxies());
        request.setServers(settings.getServers());
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, repositorySession, request, new DefaultMavenExecutionResult());
        session.setCurrentProject(project);
        session.setProjects(List.of(project));
        return session;
    }

    /** Maven's evaluator of the enforcer's execution, which the rules are given. */
    public ExpressionEvaluator evaluator(MavenSession session) {
        return new PluginParameterExpressionEvaluator(session, new MojoExecution(new MojoDescriptor()));
    }

    public MavenBuildContext context(MavenSession session, SettingsDecrypter decrypter) {
        return new MavenBuildContext(session, project, decrypter, null, processEnvironment);
    }

    public Path localRepository() {
        return localRepository;
    }

    /** A decrypter that returns settings as they are, or fails with {@code problem}. */
    public static SettingsDecrypter decrypter(String problem) {
        return (SettingsDecryptionRequest request) -> new SettingsDecryptionResult() {
            @Override
            public org.apache.maven.settings.Server getServer() {
                return request.getServers().isEmpty()
                        ? null
                        : request.getServers().get(0);
            }

            @Override
            public List<org.apache.maven.settings.Server> getServers() {
                return request.getServers();
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return request.getProxies().isEmpty()
                        ? null
                        : request.getProxies().get(0);
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return request.getProxies();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                if (problem == null) {
                    return List.of();
                }
                return List.of(new org.apache.maven.settings.building.DefaultSettingsProblem(
                        problem, SettingsProblem.Severity.ERROR, "settings.xml", -1, -1, null));
            }
        };
    }

    static Xpp3Dom xml(String configuration) {
        try {
            return Xpp3DomBuilder.build(
                    new java.io.StringReader("<configuration>" + configuration + "</configuration>"));
        } catch (Exception e) {
            throw new IllegalArgumentException(configuration, e);
        }
    }

    public File basedir() {
        return project.getBasedir();
    }
}
