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
 * requireGoSumVerified's {@code <checkTidy>}, on a module whose only requirement is replaced by a directory, so
 * nothing needs a go.sum line or the network: go mod tidy -diff needs Go 1.23, older than this machine's.
 */
class RequireGoSumVerifiedTest {
    private static final String GO_MOD = "module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\n"
            + "replace example.com/lib => ./lib\n";

    @TempDir
    Path temp;

    RuleFixture fixture;

    @BeforeEach
    void module() {
        fixture = RuleFixture.isolatedGo(temp.resolve("app"), temp.resolve("home"), Map.of());
        fixture.write("go.mod", GO_MOD);
        fixture.write("lib/go.mod", "module example.com/lib\n\ngo 1.22\n");
        fixture.write("lib/lib.go", "package lib\n\nfunc Name() string { return \"lib\" }\n");
    }

    private RequireGoSumVerified rule(Map<String, Object> parameters) {
        return fixture.rule(RequireGoSumVerified::new, parameters);
    }

    /** A main package that does not import example.com/lib: go mod tidy would drop the requirement. */
    private void untidy() {
        fixture.write("main.go", "package main\n\nfunc main() {}\n");
    }

    @Test
    void byDefaultAModuleThatIsNotTidyPasses() throws Exception {
        untidy();
        rule(Map.of()).execute();
        assertThat(fixture.passedLine())
                .endsWith(": every module of the build matches go.sum, downloaded and checked; go.mod and go.sum "
                        + "unchanged");
    }

    @Test
    void checkTidyFailsAModuleThatIsNotTidyWithWhatTidyWouldChangeAndLeavesGoModAlone() throws Exception {
        untidy();
        String nl = System.lineSeparator();
        assertThatThrownBy(() -> rule(Map.of("checkTidy", true)).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("go.sum of " + fixture.basedir + " is not verified:" + nl + "go.mod/go.sum in "
                        + fixture.basedir + " are not tidy; 'go mod tidy' would change:\n")
                .hasMessageContaining("\n-require example.com/lib v0.0.0\n")
                .hasMessageEndingWith("\nFix: run 'go mod tidy' and commit the result.");
        assertThat(fixture.basedir.resolve("go.mod")).hasContent(GO_MOD);
        assertThat(fixture.basedir.resolve("go.sum")).doesNotExist();
    }

    @Test
    void checkTidyPassesATidyModuleAndSaysSo() throws Exception {
        fixture.write("main.go", "package main\n\nimport \"example.com/lib\"\n\nfunc main() { println(lib.Name()) }\n");
        rule(Map.of("checkTidy", true)).execute();
        assertThat(fixture.passedLine())
                .endsWith(": every module of the build matches go.sum, downloaded and checked; go mod tidy -diff is "
                        + "empty; go.mod and go.sum unchanged");
        assertThat(Files.readString(fixture.basedir.resolve("go.mod"))).isEqualTo(GO_MOD);
    }

    @Test
    void checkTidyIsPartOfTheCacheIdAndTheDescription() {
        RequireGoSumVerified defaults = rule(Map.of());
        RequireGoSumVerified tidy = rule(Map.of("checkTidy", true));
        assertThat(defaults).hasToString("RequireGoSumVerified[checkTidy=false]");
        assertThat(tidy).hasToString("RequireGoSumVerified[checkTidy=true]");
        assertThat(List.of(defaults.getCacheId(), tidy.getCacheId())).doesNotHaveDuplicates();
    }
}
