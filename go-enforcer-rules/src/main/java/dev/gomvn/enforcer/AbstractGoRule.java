package dev.gomvn.enforcer;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.PathEncoding;
import dev.gomvn.core.Platform;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.gobuild.TargetList;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.policy.GoSettingSources;
import dev.gomvn.core.policy.ModuleLayoutPolicy;
import dev.gomvn.core.policy.PolicyFinding;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.maven.ToolchainSettings;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * What every Go rule shares: it applies only to Maven modules that are Go modules (so the rules can
 * sit in a company parent POM above Java modules too), it judges the Go the go-maven-plugin would
 * use, and it turns the core's failures into enforcer exceptions: a policy violation fails the rule,
 * a go that cannot run is an {@link EnforcerRuleError}.
 */
abstract class AbstractGoRule extends AbstractEnforcerRule {

    /** Shown first when the rule fails, before the rule's own explanation. */
    private String message;

    /** The Go module to check. Default: the project's base directory. */
    private File moduleDirectory;

    private final GoRuleContext context;
    private final Map<Path, Toolchain> toolchains = new HashMap<>();

    AbstractGoRule(GoRuleContext context) {
        this.context = context;
    }

    @Override
    public final void execute() throws EnforcerRuleException {
        Path directory;
        String verified;
        try {
            directory = moduleDirectory();
            if (!isGoModule(directory)) {
                getLog().debug(ruleName() + ": " + directory + " holds no go.mod and no .go file; nothing to check.");
                return;
            }
            requireValidTargets(directory);
            verified = enforce(directory);
        } catch (RuleViolation violation) {
            throw new EnforcerRuleException(withUserMessage(violation.getMessage()));
        } catch (InvalidPathException e) {
            throw ruleError(PathEncoding.explain(e).getMessage(), e);
        } catch (EnvironmentException e) {
            throw ruleError(e.getMessage(), e);
        } catch (GoCoreException e) {
            throw new EnforcerRuleException(withUserMessage(e.getMessage()), e);
        }
        // The enforcer's own "Rule N: ... passed" appears for a skipped rule too; this line only after a check.
        if (verified != null) {
            getLog().info(ruleName() + " passed for " + directory + ": " + verified);
        }
    }

    /**
     * Our messages are complete, with their fix: maven-enforcer-plugin 3.7 appends every cause's message to an
     * error's, which would add the transport's own advice and exception names. The cause goes to -X instead.
     */
    private EnforcerRuleError ruleError(String message, Exception cause) {
        java.io.StringWriter trace = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(trace));
        getLog().debug(ruleName() + " failed: " + trace);
        return new EnforcerRuleError(message);
    }

    /**
     * go:build's targets, checked before the rule judges anything: the enforcer runs in validate, and a
     * rule must not say "passed" for a build that a typo like linux/amd65 will stop.
     */
    private void requireValidTargets(Path directory) {
        List<String> targets = context.buildTargets();
        // A malformed entry is refused without asking any Go.
        TargetList.parse(targets, Platform.host());
        if (!targets.stream().allMatch("host"::equals)) {
            TargetList.resolve(targets, toolchain(directory), goLog());
        }
    }

    /** The name the rule is configured by ({@code requireGoVersion}), which the enforcer sets only sometimes. */
    String ruleName() {
        String simpleName = getClass().getSimpleName();
        return getRuleName() != null
                ? getRuleName()
                : Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
    }

    /**
     * Checks the Go module in {@code directory}; throws {@link RuleViolation} with what is wrong and the fix.
     *
     * @return what was verified, one short line without secrets, for the INFO line that says the rule
     *     passed; null when there was nothing to check (the rule then says why at debug level)
     */
    abstract String enforce(Path directory) throws RuleViolation;

    Path moduleDirectory() {
        File directory =
                moduleDirectory != null ? moduleDirectory : context.project().getBasedir();
        return directory.toPath().toAbsolutePath().normalize();
    }

    MavenProject project() {
        return context.project();
    }

    /** A user or POM property, for a rule parameter that falls back to one. */
    Optional<String> property(String name) {
        return context.property(name);
    }

    MavenSession session() {
        return context.session();
    }

    /**
     * The Go the go-maven-plugin would build with: same parameters, same core resolution. One
     * difference: an installed Go older than go.mod's go line is returned rather than replaced, so
     * requireGoVersion can say it is too old instead of downloading a newer one in validate.
     */
    Toolchain toolchain(Path directory) {
        // Once per directory: the target check and the rule's own check judge the same Go.
        return toolchains.computeIfAbsent(directory, this::resolveToolchain);
    }

    private Toolchain resolveToolchain(Path directory) {
        ToolchainSettings settings = context.toolchainSettings();
        settings.loginWarnings().forEach(getLog()::warn);
        return settings.resolve(settings.request(directory).withoutGoLineProvisioning(), goLog());
    }

    /** The settings.xml proxy login, for the go runs that download and run nothing of the user's. */
    ProxyLogin proxyLogin() {
        return context.toolchainSettings().proxyLogin();
    }

    /** The complete environment the go-maven-plugin runs go with in this project. */
    Map<String, String> goEnvironment() {
        return context.toolchainSettings().goEnvironment();
    }

    GoLog goLog() {
        return GoLog.of(getLog()::info, getLog()::warn, getLog()::debug, getLog()::isDebugEnabled, false);
    }

    static boolean isGoModule(Path directory) {
        return ModuleLayoutPolicy.isGoModule(directory);
    }

    /** The effective configuration as {@code go env -json} reports it, with the plugin's {@code <environment>}. */
    GoEnvironment effectiveGoEnvironment(Toolchain toolchain) {
        return GoEnvironment.of(toolchain, goEnvironment(), goLog());
    }

    /** Which layer set each variable, so messages can say what to change. */
    GoSettingSources settingSources(Toolchain toolchain, GoEnvironment environment) {
        String goEnvFile = environment.get("GOENV");
        return new GoSettingSources(
                context.toolchainSettings().configuredEnvironment(),
                context.processEnvironment(),
                goEnvFile.isBlank() || goEnvFile.equals("off") ? null : Path.of(goEnvFile),
                toolchain.goRoot());
    }

    boolean offline() {
        return context.session().isOffline();
    }

    /** settings.xml proxies, -o and the plugin's timeouts, as the plugin downloads with them. */
    NetworkSettings network() {
        return context.toolchainSettings().network();
    }

    /** How long to wait for another build installing into the same cache directory (go.lockTimeout). */
    Duration lockTimeout() {
        return context.toolchainSettings().request(moduleDirectory()).lockTimeout();
    }

    /** gomvn's cache beside the provisioned SDKs, inside the local repository so CI caches of ~/.m2 keep it. */
    Path gomvnCache() {
        return context.toolchainSettings().gomvnCache();
    }

    /** Errors fail the rule together, so one run shows every problem; warnings are logged, long lists at debug. */
    void report(List<PolicyFinding> findings) throws RuleViolation {
        List<String> errors = new ArrayList<>();
        for (PolicyFinding finding : findings) {
            finding.details().forEach(detail -> getLog().debug(ruleName() + ": " + detail));
            if (finding.severity() == PolicyFinding.Severity.ERROR) {
                errors.add(finding.message());
            } else {
                getLog().warn(finding.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolation(String.join(System.lineSeparator(), errors));
        }
    }

    private String withUserMessage(String details) {
        return message == null || message.isBlank() ? details : message.strip() + System.lineSeparator() + details;
    }
}
