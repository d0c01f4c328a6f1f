package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requireModules' {@code <allowReplaceOutsideModule>}: the module is the root of a git work tree (repo/), and its
 * go.mod replaces one requirement by repo/lib and another by outside/lib, a directory beside the repository.
 */
class RequireModulesTest {
    private static final String MODULE_MODE =
            "module example.com/app with 'go 1.22' in module mode (GO111MODULE " + "not off, no -mod=mod in GOFLAGS), ";

    @TempDir
    Path temp;

    RuleFixture fixture;

    @BeforeEach
    void repository() throws Exception {
        fixture = RuleFixture.isolatedGo(temp.resolve("repo"), temp.resolve("home"), Map.of());
        Files.createDirectories(temp.resolve("repo/.git"));
        fixture.write("lib/go.mod", "module example.com/lib\n\ngo 1.22\n");
        fixture.write("main.go", "package main\n\nfunc main() {}\n");
        Files.createDirectories(temp.resolve("outside/lib"));
        Files.writeString(temp.resolve("outside/lib/go.mod"), "module example.com/shared\n\ngo 1.22\n");
    }

    private Path goMod(String... replaces) {
        return fixture.write(
                "go.mod",
                "module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v0.0.0\n"
                        + "\texample.com/shared v0.0.0\n)\n\n" + String.join("\n", replaces) + "\n");
    }

    private RequireModules rule(Map<String, Object> parameters) {
        return fixture.rule(RequireModules::new, parameters);
    }

    @Test
    void byDefaultAReplaceOutsideTheRepositoryPasses() throws Exception {
        goMod("replace example.com/lib => ./lib", "replace example.com/shared => ../outside/lib");
        rule(Map.of()).execute();
        assertThat(fixture.passedLine())
                .endsWith(": " + MODULE_MODE
                        + "2 requirements, all met by local directories (a replace or a workspace module)");
    }

    @Test
    void allowReplaceOutsideModuleFalseFailsNamingTheReplaceAndTheParameter() {
        Path goMod = goMod("replace example.com/lib => ./lib", "replace example.com/shared => ../outside/lib");
        assertThatThrownBy(
                        () -> rule(Map.of("allowReplaceOutsideModule", false)).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage(goMod + ":11: replace example.com/shared => ../outside/lib points to "
                        + temp.resolve("outside/lib") + ", outside the repository " + temp.resolve("repo")
                        + ", so the build depends on files no commit records. Fix: vendor or publish that module, "
                        + "or set <allowReplaceOutsideModule>true</allowReplaceOutsideModule>.");
    }

    @Test
    void allowReplaceOutsideModuleFalsePassesReplacesInsideTheRepositoryAndSaysSo() throws Exception {
        fixture.write("shared/go.mod", "module example.com/shared\n\ngo 1.22\n");
        goMod("replace example.com/lib => ./lib", "replace example.com/shared => ./shared");
        rule(Map.of("allowReplaceOutsideModule", false)).execute();
        assertThat(fixture.passedLine())
                .endsWith(": " + MODULE_MODE + "2 requirements, all met by local directories (a replace or a "
                        + "workspace module), no replace outside the repository");
    }

    @Test
    void theParameterIsPartOfTheCacheIdAndTheDescription() {
        RequireModules defaults = rule(Map.of());
        RequireModules strict = rule(Map.of("allowReplaceOutsideModule", false));
        assertThat(defaults).hasToString("RequireModules[allowReplaceOutsideModule=true]");
        assertThat(strict).hasToString("RequireModules[allowReplaceOutsideModule=false]");
        assertThat(List.of(defaults.getCacheId(), strict.getCacheId())).doesNotHaveDuplicates();
    }
}
