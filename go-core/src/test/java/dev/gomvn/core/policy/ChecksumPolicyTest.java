package dev.gomvn.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * forbidGosumdbOff's core against the real {@code go env -json}, with a GOENV file and variables the
 * test controls, so the layer named in each message is the one go itself used.
 */
class ChecksumPolicyTest {
    @TempDir
    Path temp;

    Toolchain go;
    Path goEnvFile;
    Map<String, String> pom;

    @BeforeEach
    void setUp() throws IOException {
        go = InstalledGoForTests.toolchain();
        goEnvFile = temp.resolve("go-env");
        Files.writeString(goEnvFile, "");
        pom = new HashMap<>(Map.of(
                "GOENV",
                goEnvFile.toString(),
                "GOSUMDB",
                "",
                "GONOSUMDB",
                "",
                "GOPRIVATE",
                "",
                "GOINSECURE",
                "",
                "GOFLAGS",
                ""));
    }

    @Test
    void aCleanEnvironmentPasses() {
        assertThat(check(List.of())).isEmpty();
    }

    @Test
    void gosumdbOffInTheGoEnvFileIsNamedWithTheFix() throws IOException {
        Files.writeString(goEnvFile, "GOSUMDB=off\n");
        assertThat(check(List.of())).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(PolicyFinding.Severity.ERROR);
            assertThat(f.message())
                    .startsWith("GOSUMDB=off (set by the GOENV file " + goEnvFile + ")")
                    .contains("run 'go env -u GOSUMDB'");
        });
    }

    @Test
    void anEmptyVariableDoesNotHideTheFileValue() throws IOException {
        Files.writeString(goEnvFile, "GOSUMDB=off\n");
        pom.put("GOSUMDB", "");
        assertThat(check(List.of())).anySatisfy(f -> assertThat(f.message()).contains("GOENV file"));
    }

    @Test
    void gosumdbOffFromThePomIsNamed() {
        pom.put("GOSUMDB", "off");
        assertThat(check(List.of()))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("set by the go-maven-plugin <environment> in the POM")
                        .contains("remove GOSUMDB from the go-maven-plugin <environment>"));
    }

    @Test
    void wideGonosumdbIsGosumdbOffInDisguise() {
        pom.put("GONOSUMDB", "corp.example.com,github.com");
        assertThat(check(List.of()))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains(
                                "has the pattern 'github.com', which matches public modules such as github.com/stretchr/testify")
                        .contains("GOSUMDB=off in disguise"));
        pom.put("GONOSUMDB", "*");
        assertThat(check(List.of()))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("pattern '*'"));
    }

    @Test
    void goprivateCountsWhenGonosumdbIsUnset() {
        pom.put("GOPRIVATE", "golang.org/x");
        assertThat(check(List.of()))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("GOPRIVATE=golang.org/x")
                        .contains("GONOSUMDB is unset, so it defaults to GOPRIVATE"));
    }

    @Test
    void aWidePatternOverManyModulesIsOneFindingNotOnePerModule() {
        pom.put("GOPRIVATE", "corp.example.com");
        List<String> modules = IntStream.rangeClosed(1, 181)
                .mapToObj(i -> "corp.example.com/team/lib" + i)
                .toList();
        List<PolicyFinding> findings = check(modules, List.of(), List.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message())
                    .startsWith(
                            "The build uses 181 modules (corp.example.com/team/lib1, corp.example.com/team/lib2, "
                                    + "corp.example.com/team/lib3 and 178 more, all listed with -X), which GOPRIVATE=corp.example.com")
                    .contains("through the pattern 'corp.example.com'. If they really are private, add the pattern");
            assertThat(f.message().lines()).hasSize(1);
            // The whole list goes to debug output.
            assertThat(f.details())
                    .hasSize(181)
                    .first()
                    .isEqualTo("corp.example.com/team/lib1 is exempt from checksum verification by GOPRIVATE pattern "
                            + "'corp.example.com'");
        });
    }

    @Test
    void modulesOfTheBuildExemptWithoutBeingDeclaredPrivateFail() {
        pom.put("GONOSUMDB", "corp.example.com,example.org/tools");
        List<PolicyFinding> findings = check(
                List.of("corp.example.com/billing", "example.org/tools/lint", "github.com/google/uuid"),
                List.of("corp.example.com"),
                List.of());
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("The build uses example.org/tools/lint")
                        .contains("through the pattern 'example.org/tools'")
                        .contains("<allowedPrivatePatterns>"));
    }

    @Test
    void goinsecureFailsUnlessAllowed() {
        pom.put("GOINSECURE", "git.corp.example.com");
        assertThat(check(List.of()))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("GOINSECURE=git.corp.example.com")
                        .contains("<allowedInsecurePatterns>"));
        assertThat(check(List.of(), List.of(), List.of("git.corp.example.com"))).isEmpty();
    }

    @Test
    void insecureInGoflagsIsFound() {
        PolicyFinding finding = ChecksumPolicy.check(
                        GoEnvironment.ofValues(Map.of("GOFLAGS", "-mod=readonly -insecure")),
                        sources(),
                        List.of(),
                        List.of(),
                        List.of())
                .get(0);
        assertThat(finding.message()).contains("contains -insecure, which Go removed in 1.17");
    }

    @Test
    void variablesGoDoesNotKnowAreWarnedAbout() {
        pom.put("GONOSUMCHECK", "1");
        pom.put("GOSUMDB_OFF", "true");
        List<PolicyFinding> findings = check(List.of());
        assertThat(findings).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(PolicyFinding.Severity.WARNING);
            assertThat(f.message()).contains("is not a Go setting and has no effect");
        });
    }

    private List<PolicyFinding> check(List<String> modules) {
        return check(modules, List.of(), List.of());
    }

    private List<PolicyFinding> check(List<String> modules, List<String> allowedPrivate, List<String> allowedInsecure) {
        Map<String, String> environment = new HashMap<>(pom);
        environment.values().removeIf(String::isEmpty);
        environment.put("GOENV", goEnvFile.toString());
        GoEnvironment effective = GoEnvironment.of(go, InstalledGoForTests.processEnvironmentWith(pom), GoLog.SILENT);
        return ChecksumPolicy.check(
                effective,
                new GoSettingSources(environment, Map.of(), goEnvFile, go.goRoot()),
                modules,
                allowedPrivate,
                allowedInsecure);
    }

    private GoSettingSources sources() {
        return new GoSettingSources(Map.of(), Map.of(), null, go.goRoot());
    }
}
