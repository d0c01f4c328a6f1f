package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forbidGosumdbOff's {@code <allowedPrivatePatterns>} and {@code <allowedInsecurePatterns>}, for a module whose
 * build list holds corp.example.com/lib and other.example.org/util, both replaced by directories of the module.
 */
class ForbidGosumdbOffTest {
    private static final String NO_INSECURE = ", no GOINSECURE, no -insecure in GOFLAGS";

    @TempDir
    Path temp;

    RuleFixture fixture;

    /** The module, with {@code environment} as the Maven process's environment. */
    private void module(Map<String, String> environment) {
        fixture = RuleFixture.isolatedGo(temp.resolve("app"), temp.resolve("home"), environment);
        fixture.write("go.mod", """
                module example.com/app

                go 1.22

                require (
                \tcorp.example.com/lib v0.0.0
                \tother.example.org/util v0.0.0
                )

                replace corp.example.com/lib => ./lib

                replace other.example.org/util => ./util
                """);
        fixture.write("lib/go.mod", "module corp.example.com/lib\n\ngo 1.22\n");
        fixture.write("util/go.mod", "module other.example.org/util\n\ngo 1.22\n");
        fixture.write("main.go", "package main\n\nfunc main() {}\n");
    }

    private ForbidGosumdbOff rule(Map<String, Object> parameters) {
        return fixture.rule(ForbidGosumdbOff::new, parameters);
    }

    @Test
    void withoutExemptionsTheDefaultsPass() throws Exception {
        module(Map.of());
        rule(Map.of()).execute();
        assertThat(fixture.passedLine())
                .endsWith(": checksum database sum.golang.org is on, no GONOSUMDB/GOPRIVATE exemption" + NO_INSECURE);
    }

    @Test
    void aGoprivateModuleOfTheBuildFailsUntilAllowedPrivatePatternsListsIt() throws Exception {
        module(Map.of("GOPRIVATE", "corp.example.com"));
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("The build uses corp.example.com/lib, which GOPRIVATE=corp.example.com (set by the "
                        + "environment variable GOPRIVATE) (GONOSUMDB is unset, so it defaults to GOPRIVATE) exempts "
                        + "from checksum verification through the pattern 'corp.example.com'. If it really is "
                        + "private, add the pattern to <allowedPrivatePatterns>; otherwise narrow GOPRIVATE.");

        rule(Map.of("allowedPrivatePatterns", List.of("corp.example.com"))).execute();
        assertThat(fixture.passedLine())
                .endsWith(": checksum database sum.golang.org is on, GONOSUMDB/GOPRIVATE corp.example.com covers "
                        + "no public module and no module of the build outside <allowedPrivatePatterns>"
                        + NO_INSECURE);
    }

    @Test
    void aGoprivateOfThePluginEnvironmentCoveringMoreThanTheAllowedPatternsFailsNamingThePom() {
        module(Map.of("GOPRIVATE", "corp.example.com"));
        fixture.plugin("<environment><GOPRIVATE>corp.example.com,*.example.org</GOPRIVATE></environment>");
        assertThatThrownBy(() -> rule(Map.of("allowedPrivatePatterns", List.of("corp.example.com")))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("The build uses other.example.org/util, which GOPRIVATE=corp.example.com,*.example.org "
                        + "(set by the go-maven-plugin <environment> in the POM) (GONOSUMDB is unset, so it defaults "
                        + "to GOPRIVATE) exempts from checksum verification through the pattern '*.example.org'. If "
                        + "it really is private, add the pattern to <allowedPrivatePatterns>; otherwise narrow "
                        + "GOPRIVATE.");
    }

    @Test
    void anAllowedPatternNeverExcusesAPatternThatCoversPublicModules() {
        module(Map.of("GONOSUMDB", "github.com"));
        assertThatThrownBy(() -> rule(Map.of("allowedPrivatePatterns", List.of("github.com")))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("GONOSUMDB=github.com (set by the environment variable GONOSUMDB) has the "
                        + "pattern 'github.com', which matches public modules such as github.com/stretchr/testify: "
                        + "that is GOSUMDB=off in disguise.");
    }

    @Test
    void aMalformedAllowedPrivatePatternFailsNamingTheParameter() {
        module(Map.of());
        assertThatThrownBy(() -> rule(Map.of("allowedPrivatePatterns", List.of("corp.example.com/[]")))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<allowedPrivatePatterns> has the malformed pattern 'corp.example.com/[]': a [ ] class "
                        + "must be closed and hold a character. Patterns are matched like GOPRIVATE's, e.g. "
                        + "corp.example.com or *.corp.example.com.");
    }

    @Test
    void goinsecureFailsUnlessEachOfItsPatternsIsAllowed() throws Exception {
        module(Map.of("GOINSECURE", "corp.example.com,*.example.org"));
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("GOINSECURE=corp.example.com,*.example.org (set by the environment variable GOINSECURE) "
                        + "lets corp.example.com, *.example.org be fetched over plain HTTP or unverified TLS, and "
                        + "skips checksum verification for them. Fix: unset the environment variable GOINSECURE (CI "
                        + "settings, shell profile), or list the patterns in <allowedInsecurePatterns> if you accept "
                        + "that.");
        assertThatThrownBy(() -> rule(Map.of("allowedInsecurePatterns", List.of("corp.example.com")))
                        .execute())
                .hasMessageStartingWith("GOINSECURE=corp.example.com,*.example.org (set by the environment variable "
                        + "GOINSECURE) lets *.example.org be fetched");

        rule(Map.of("allowedInsecurePatterns", List.of("corp.example.com", "*.example.org")))
                .execute();
        assertThat(fixture.passedLine())
                .endsWith(", GOINSECURE corp.example.com,*.example.org allowed, no -insecure in GOFLAGS");
    }

    @Test
    void anAllowedInsecurePatternMatchesAsGoReadsIt() throws Exception {
        module(Map.of("GOINSECURE", "corp.example.com/"));
        rule(Map.of("allowedInsecurePatterns", List.of("corp.example.com/"))).execute();
        assertThat(fixture.passedLine()).endsWith(", GOINSECURE corp.example.com/ allowed, no -insecure in GOFLAGS");
    }

    @Test
    void bothParametersArePartOfTheCacheIdAndTheDescription() {
        module(Map.of());
        ForbidGosumdbOff defaults = rule(Map.of());
        ForbidGosumdbOff privateAllowed = rule(Map.of("allowedPrivatePatterns", List.of("corp.example.com")));
        ForbidGosumdbOff insecureAllowed = rule(Map.of("allowedInsecurePatterns", List.of("corp.example.com")));
        assertThat(defaults).hasToString("ForbidGosumdbOff[allowedPrivatePatterns=[], allowedInsecurePatterns=[]]");
        assertThat(privateAllowed)
                .hasToString("ForbidGosumdbOff[allowedPrivatePatterns=[corp.example.com], allowedInsecurePatterns=[]]");
        assertThat(insecureAllowed)
                .hasToString("ForbidGosumdbOff[allowedPrivatePatterns=[], allowedInsecurePatterns=[corp.example.com]]");
        assertThat(List.of(defaults.getCacheId(), privateAllowed.getCacheId(), insecureAllowed.getCacheId()))
                .doesNotHaveDuplicates();
    }
}
