package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.maven.testsupport.TestMavenBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;

/**
 * A Go module in a temporary directory, a Maven build around it that points go.root at this machine's Go, and the
 * rules configured as the enforcer configures them: each {@code <parameter>} of the POM's {@code <rules>} is set
 * into the rule's private field of that name. Go runs with a HOME of its own inside the directory and GOPROXY=off,
 * so no user setting of this machine leaks in and nothing reaches the network.
 */
final class RuleFixture {
    final Path basedir;
    final TestMavenBuild build;
    private final RecordingEnforcerLogger logger = new RecordingEnforcerLogger();
    final List<String> info = logger.info;
    final List<String> warnings = logger.warnings;

    RuleFixture(Path basedir, Map<String, String> processEnvironment) {
        this.basedir = basedir;
        this.build = new TestMavenBuild(basedir, processEnvironment);
        plugin("");
    }

    /** The go-maven-plugin's configuration: this machine's Go as go.root, and {@code xml}. */
    void plugin(String xml) {
        build.plugin("<goRoot>" + goRoot() + "</goRoot>" + xml);
    }

    /** A build whose go commands see only {@code extra} besides what go needs to run offline in {@code home}. */
    static RuleFixture isolatedGo(Path basedir, Path home, Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("GOTOOLCHAIN", "local");
        environment.put("GOPROXY", "off");
        environment.putAll(extra);
        return new RuleFixture(basedir, environment);
    }

    /** The rule, with each parameter set as the enforcer sets it from the POM; the rest keep their defaults. */
    <R extends AbstractGoRule> R rule(Function<GoRuleContext, R> constructor, Map<String, Object> parameters) {
        MavenSession session = build.session();
        R rule = constructor.apply(
                new GoRuleContext(build.context(session, TestMavenBuild.decrypter(null)), build.evaluator(session)));
        rule.setLog(logger);
        parameters.forEach((name, value) -> set(rule, name, value));
        return rule;
    }

    static void set(Object target, String name, Object value) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // The parameter may be declared by a superclass, as the enforcer also looks there.
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(target.getClass().getSimpleName() + " has no parameter " + name);
    }

    /** Writes {@code content} to {@code relative} under the module directory, creating its directories. */
    Path write(String relative, String content) {
        try {
            Path file = basedir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A main package that links one package at the root of each module, path to version, all vendored: go reads
     * vendor/modules.txt for their versions and needs no module cache, no go.sum and no network.
     */
    void vendoredModule(Map<String, String> modules) {
        StringBuilder goMod = new StringBuilder("module example.com/app\n\ngo 1.22\n\nrequire (\n");
        StringBuilder modulesTxt = new StringBuilder();
        StringBuilder main = new StringBuilder("package main\n\nimport (\n");
        modules.forEach((path, version) -> {
            goMod.append('\t').append(path).append(' ').append(version).append('\n');
            modulesTxt.append("# ").append(path).append(' ').append(version).append("\n## explicit\n");
            modulesTxt.append(path).append('\n');
            main.append("\t_ \"").append(path).append("\"\n");
            write("vendor/" + path + "/p.go", "package p\n");
        });
        write("go.mod", goMod.append(")\n").toString());
        write("vendor/modules.txt", modulesTxt.toString());
        write("main.go", main.append(")\n\nfunc main() {}\n").toString());
    }

    /** The "... passed for DIR: ..." line, what a user reads when the rule checked and passed. */
    String passedLine() {
        assertThat(info).filteredOn(line -> line.contains(" passed for ")).hasSize(1);
        return info.stream()
                .filter(line -> line.contains(" passed for "))
                .findFirst()
                .orElseThrow();
    }

    /** {@code go env NAME} of this machine's Go, run outside any test's environment. */
    static String machineGoEnv(String name) {
        try {
            ProcessBuilder go = new ProcessBuilder("go", "env", name);
            go.environment().put("GOTOOLCHAIN", "local");
            Process process = go.start();
            String value = new String(process.getInputStream().readAllBytes()).strip();
            assertThat(process.waitFor()).as("go env " + name).isZero();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String goRoot() {
        return machineGoEnv("GOROOT");
    }
}
