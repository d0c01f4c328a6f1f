package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.maven.testsupport.TestMavenBuild;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every Go rule shares: where it applies, how failures reach the enforcer, which parameters it reads. */
class AbstractGoRuleTest {
    @TempDir
    Path basedir;

    TestMavenBuild build;
    private final RecordingEnforcerLogger logger = new RecordingEnforcerLogger();
    final List<String> debug = logger.debug;
    final List<String> info = logger.info;

    /** A rule whose check is given by the test. */
    static final class ProbeRule extends AbstractGoRule {
        interface Check {
            String run(Path directory) throws RuleViolation;
        }

        Check check = directory -> "nothing wrong found";
        int checked;

        ProbeRule(GoRuleContext context) {
            super(context);
        }

        @Override
        String enforce(Path directory) throws RuleViolation {
            checked++;
            return check.run(directory);
        }
    }

    @BeforeEach
    void newBuild() {
        build = new TestMavenBuild(basedir, Map.of("HOME", "/home/ci"));
    }

    private ProbeRule rule(String message) throws ReflectiveOperationException {
        MavenSession session = build.session();
        ProbeRule rule = new ProbeRule(
                new GoRuleContext(build.context(session, TestMavenBuild.decrypter(null)), build.evaluator(session)));
        rule.setLog(logger);
        if (message != null) {
            Field field = AbstractGoRule.class.getDeclaredField("message");
            field.setAccessible(true);
            field.set(rule, message);
        }
        return rule;
    }

    private void goModule() throws IOException {
        Files.writeString(basedir.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n");
    }

    @Test
    void aMavenModuleThatIsNoGoModuleIsNotChecked() throws Exception {
        ProbeRule rule = rule(null);
        rule.execute();
        assertThat(rule.checked).isZero();
        assertThat(debug)
                .singleElement()
                .asString()
                .isEqualTo("probeRule: " + basedir.toAbsolutePath()
                        + " holds no go.mod and no .go file; nothing to check.");
        // The enforcer still logs "Rule 0: ... passed"; our INFO line is what tells a check from a skip.
        assertThat(info).isEmpty();
    }

    @Test
    void anUnknownTargetOfGoBuildFailsEveryRuleBeforeItChecksAnything() throws Exception {
        goModule();
        build.plugin("<goRoot>" + installedGoRoot() + "</goRoot><targets>linux/amd64,linux/amd65</targets>");
        ProbeRule rule = rule(null);
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("Unknown target 'linux/amd65' (closest: linux/amd64, ")
                .hasMessageContaining(") in <targets> (go.targets) for Go ");
        assertThat(rule.checked).isZero();
        assertThat(info).as("no 'passed' line").isEmpty();
    }

    @Test
    void aMalformedTargetOfAnyBuildExecutionFailsTheRuleWithoutAskingGo() throws Exception {
        goModule();
        build.execution(
                "default-build", List.of("build"), "<targets><target>host</target><target>linux</target></targets>");
        ProbeRule rule = rule(null);
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("<targets> (go.targets) entry 'linux' is not a target; write goos/goarch");
        assertThat(rule.checked).isZero();
    }

    @Test
    void onlyHostTargetsNeedNoGoToBeChecked() throws Exception {
        goModule();
        build.plugin("<goRoot>" + basedir.resolve("no-go-here") + "</goRoot><targets>host</targets>");
        ProbeRule rule = rule(null);
        rule.execute();
        assertThat(rule.checked).isOne();
    }

    private static String installedGoRoot() throws IOException, InterruptedException {
        ProcessBuilder go = new ProcessBuilder("go", "env", "GOROOT");
        go.environment().put("GOTOOLCHAIN", "local");
        Process process = go.start();
        String root = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).isZero();
        return root;
    }

    @Test
    void aRuleThatCheckedAndPassedSaysWhatItVerifiedInOneInfoLine() throws Exception {
        goModule();
        ProbeRule rule = rule(null);
        rule.check = directory -> "Go 1.26.8 is in [1.22,)";
        rule.execute();
        assertThat(rule.checked).isOne();
        assertThat(info)
                .containsExactly("probeRule passed for " + basedir.toAbsolutePath() + ": Go 1.26.8 is in [1.22,)");
    }

    @Test
    void aGoModuleWithNothingToCheckLogsNoPassedLine() throws Exception {
        goModule();
        ProbeRule rule = rule(null);
        rule.check = directory -> null;
        rule.execute();
        assertThat(rule.checked).isOne();
        assertThat(info).isEmpty();
    }

    @Test
    void aDirectoryWithGoFilesButNoGoModIsAGoModule() throws Exception {
        Files.writeString(basedir.resolve("main.go"), "package main\n");
        ProbeRule rule = rule(null);
        rule.execute();
        assertThat(rule.checked).isOne();
    }

    @Test
    void aViolationFailsTheRuleWithTheUsersMessageFirst() throws Exception {
        goModule();
        ProbeRule rule = rule("  Ask #go-platform before changing this.  ");
        rule.check = directory -> {
            throw new RuleViolation("GOSUMDB=off switches off checksum-database verification.");
        };
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("Ask #go-platform before changing this." + System.lineSeparator()
                        + "GOSUMDB=off switches off checksum-database verification.");
        assertThat(info).isEmpty();
    }

    @Test
    void badConfigurationFailsTheRuleAndAGoThatCannotRunIsAnError() throws Exception {
        goModule();
        ProbeRule rule = rule(null);
        rule.check = directory -> {
            throw new ConfigurationException("go.version", "<version> (go.version) 'x' is not a Go version.");
        };
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<version> (go.version) 'x' is not a Go version.");

        rule.check = directory -> {
            throw new EnvironmentException("Could not start /opt/go/bin/go");
        };
        // An error, not a violation: <level>WARN</level> must not turn a broken environment into a pass.
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleError.class)
                .hasMessage("Could not start /opt/go/bin/go");
        assertThat(info).isEmpty();
    }

    @Test
    void aPathTheJvmCannotEncodeSaysToUseAUtf8Locale() throws Exception {
        goModule();
        ProbeRule rule = rule(null);
        rule.check = directory -> {
            throw new java.nio.file.InvalidPathException(
                    "/home/ci/projets/caf\u00e9", "Malformed input or input contains unmappable characters");
        };
        assertThatThrownBy(rule::execute)
                .isExactlyInstanceOf(EnforcerRuleError.class)
                .hasMessageContaining("The path '/home/ci/projets/caf\u00e9' cannot be used")
                .hasMessageContaining("Run Maven with a UTF-8 locale, e.g. export LC_ALL=C.UTF-8");
    }

    @Test
    void rulesJudgeTheGoThePluginWouldUseWithMavensPrecedence() throws Exception {
        build.userProperties.setProperty("go.version", "1.21.0");
        build.plugin("<version>1.22.0</version><environment><GOFLAGS>-mod=readonly</GOFLAGS></environment>");
        build.execution("default-toolchain", List.of("toolchain"), "<version>1.23.0</version>");
        ProbeRule rule = rule(null);
        GoRuleContext context = contextOf(rule);
        assertThat(context.toolchainSettings().request(basedir).versionSpec()).isEqualTo("1.23.0");
        assertThat(rule.goEnvironment())
                .containsEntry("GOFLAGS", "-mod=readonly")
                .containsEntry("HOME", "/home/ci");
    }

    private static GoRuleContext contextOf(AbstractGoRule rule) throws ReflectiveOperationException {
        Field field = AbstractGoRule.class.getDeclaredField("context");
        field.setAccessible(true);
        return (GoRuleContext) field.get(rule);
    }
}
