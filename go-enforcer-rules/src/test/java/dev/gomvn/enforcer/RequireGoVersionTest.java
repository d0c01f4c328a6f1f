package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requireGoVersion's {@code <version>} and {@code <goModCompatible>}, judged against this machine's Go. */
class RequireGoVersionTest {
    @TempDir
    Path temp;

    RuleFixture fixture;
    String go;

    @BeforeEach
    void module() {
        fixture = RuleFixture.isolatedGo(temp.resolve("app"), temp.resolve("home"), Map.of());
        go = RuleFixture.machineGoEnv("GOVERSION").substring("go".length());
    }

    private RequireGoVersion rule(Map<String, Object> parameters) {
        return fixture.rule(RequireGoVersion::new, parameters);
    }

    @Test
    void withoutVersionAndWithoutGoLineItPassesSayingThereWasNothingToCompare() throws Exception {
        fixture.write("go.mod", "module example.com/app\n");
        rule(Map.of()).execute();
        assertThat(fixture.passedLine())
                .endsWith(
                        ": Go " + go + " runs; there was nothing to compare it with (no <version>, no go.mod go line)");
    }

    @Test
    void aRangeThatHoldsTheGoPassesAndByDefaultTheGoLineIsComparedToo() throws Exception {
        fixture.write("go.mod", "module example.com/app\n\ngo 1.22\n");
        rule(Map.of("version", "[1.22,)")).execute();
        assertThat(fixture.passedLine())
                .endsWith(": Go " + go + " is in [1.22,) and is not older than go.mod's 'go 1.22'");
    }

    @Test
    void aBareVersionIsAMinimum() throws Exception {
        fixture.write("go.mod", "module example.com/app\n");
        rule(Map.of("version", "1.22")).execute();
        assertThat(fixture.passedLine()).endsWith(": Go " + go + " is in 1.22");
        assertThatThrownBy(() -> rule(Map.of("version", "1.99")).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageContaining(") is not in the required range 1.99. ");
    }

    @Test
    void aGoOutsideTheRangeFailsSayingHowToGetOneInside() throws Exception {
        fixture.write("go.mod", "module example.com/app\n\ngo 1.20\n");
        assertThatThrownBy(() -> rule(Map.of("version", "[1.20,1.21)")).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("Go " + go + " (GOROOT " + RuleFixture.goRoot() + ", ")
                .hasMessageEndingWith(") is not in the required range [1.20,1.21). Set go.version to a version in "
                        + "that range (go.version accepts the range itself: -Dgo.version='[1.20,1.21)') so the "
                        + "go-maven-plugin provisions it, or install a matching Go and point go.root at it.");
        assertThat(fixture.info).noneMatch(line -> line.contains(" passed for "));
    }

    @Test
    void aMalformedRangeFailsNamingVersionAndTheForms() {
        fixture.write("go.mod", "module example.com/app\n\ngo 1.22\n");
        assertThatThrownBy(() -> rule(Map.of("version", "[1.22,1.24")).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<version> '[1.22,1.24' is not a valid Go version range: a '[' is never closed. Write a "
                        + "minimum (1.22), a release line (1.22.x), an exact version ([1.22.5]) or a range such as "
                        + "[1.22,1.24) or [1.21.0,1.21.9],[1.22.3,).");
    }

    @Test
    void byDefaultAGoOlderThanTheGoLineFailsNamingGoModCompatible() {
        Path goMod = fixture.write("go.mod", "module example.com/app\n\ngo 1.99\n");
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("Go " + go + " (GOROOT " + RuleFixture.goRoot() + ") is older than go.mod's 'go 1.99' "
                        + "line in " + goMod + "; with GOTOOLCHAIN=local it cannot build this module. Use Go 1.99.0 "
                        + "or newer (set go.version), or set <goModCompatible>false</goModCompatible> on this rule.");
    }

    @Test
    void goModCompatibleFalseLetsAnOlderGoPassANewerGoLine() throws Exception {
        fixture.write("go.mod", "module example.com/app\n\ngo 1.99\n");
        rule(Map.of("goModCompatible", false, "version", "[1.22,)")).execute();
        assertThat(fixture.passedLine()).endsWith(": Go " + go + " is in [1.22,)");
    }

    @Test
    void goModCompatibleFalseWithoutVersionSaysTheGoLineWasNotComparedByChoice() throws Exception {
        fixture.write("go.mod", "module example.com/app\n\ngo 1.99\n");
        rule(Map.of("goModCompatible", false)).execute();
        assertThat(fixture.passedLine())
                .endsWith(": Go " + go + " runs; there was nothing to compare it with (no <version>, "
                        + "<goModCompatible>false</goModCompatible>)");
    }

    @Test
    void everyParameterIsPartOfTheCacheIdAndTheDescription() {
        RequireGoVersion defaults = rule(Map.of());
        RequireGoVersion ranged = rule(Map.of("version", "[1.22,1.24)"));
        RequireGoVersion lenient = rule(Map.of("goModCompatible", false));
        assertThat(defaults).hasToString("RequireGoVersion[version=null, goModCompatible=true]");
        assertThat(ranged).hasToString("RequireGoVersion[version=[1.22,1.24), goModCompatible=true]");
        assertThat(lenient).hasToString("RequireGoVersion[version=null, goModCompatible=false]");
        assertThat(java.util.Set.of(defaults.getCacheId(), ranged.getCacheId(), lenient.getCacheId()))
                .hasSize(3);
        assertThat(rule(Map.of("version", "[1.22,1.24)")).getCacheId()).isEqualTo(ranged.getCacheId());
    }
}
