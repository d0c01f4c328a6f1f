package dev.gomvn.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requireModules' core: each layout problem, found from real files and the real go env. */
class ModuleLayoutPolicyTest {
    @TempDir
    Path repository;

    Path module;
    Toolchain go;
    Map<String, String> pom;

    @BeforeEach
    void setUp() throws IOException {
        go = InstalledGoForTests.toolchain();
        module = Files.createDirectories(repository.resolve("service"));
        pom = new java.util.HashMap<>(Map.of("GOENV", "off", "GOFLAGS", "", "GO111MODULE", "", "GOWORK", ""));
        Files.writeString(module.resolve("main.go"), "package main\n\nfunc main() {}\n");
    }

    @Test
    void aProperModulePasses() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/service\n\ngo 1.21\n");
        assertThat(check(false)).isEmpty();
    }

    @Test
    void goFilesWithoutGoModSuggestGoModInit() {
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("has .go files but no go.mod")
                        .contains("run 'go mod init example.com/service'"));
    }

    @Test
    void moduleModeOffIsNamedWithItsLayer() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/service\n\ngo 1.21\n");
        pom.put("GO111MODULE", "off");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("GO111MODULE=off (set by the go-maven-plugin <environment> in the POM)"));
    }

    @Test
    void aMissingGoLineAndAMissingGoSumAreFound() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/service\n\nrequire example.com/lib v1.0.0\n");
        assertThat(check(true))
                .extracting(PolicyFinding::message)
                .anySatisfy(m -> assertThat(m).contains("has no 'go' line").contains("go mod edit -go="))
                .anySatisfy(m -> assertThat(m).contains("requires 1 module but there is no go.sum"));
    }

    @Test
    void anUnparsableGoModIsReportedWithItsLine() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/service\n\ngo 1.21\nfrobnicate x\n");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(module.resolve("go.mod") + ":4: unknown directive: frobnicate"));
    }

    @Test
    void modModInGoflagsIsRefused() throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/service\n\ngo 1.21\n");
        pom.put("GOFLAGS", "-mod=mod");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("contains -mod=mod"));
    }

    @Test
    void replacementsOutsideTheRepositoryAreRefusedWhenAsked() throws IOException {
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/service\n\ngo 1.21\n\n"
                        + "replace example.com/inside => ../lib\n\nreplace example.com/outside => ../../elsewhere/lib\n");
        assertThat(check(true)).isEmpty();
        List<PolicyFinding> findings = check(false);
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(module.resolve("go.mod") + ":7: replace example.com/outside => ../../elsewhere/lib")
                        .contains("outside the repository"));
    }

    /**
     * A workspace as go builds it: service requires the workspace module lib at v0.0.0, which go.work
     * replaces by ./lib (go reads a required version's go.mod even for a workspace module, so without
     * the replacement go itself fails), and example.test/dep, whose lines are in go.work.sum.
     */
    private void workspace(String goWorkExtra) throws IOException {
        Files.writeString(
                repository.resolve("go.work"),
                "go 1.21\n\nuse (\n\t./service\n\t./lib\n)\n\nreplace example.com/lib v0.0.0 => ./lib\n" + goWorkExtra);
        Files.writeString(
                repository.resolve("go.work.sum"),
                "example.test/dep v1.0.0 h1:FkvVVM7hGJgDa4HsvRb4izsCrOx+bu7DQ1xUX58dWf0=\n"
                        + "example.test/dep v1.0.0/go.mod h1:Lf8yDwLhoIx+9ubIbqBvQLnlw5TTame7owF6vSmGpyU=\n");
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/service\n\ngo 1.21\n\nrequire (\n\texample.com/lib v0.0.0\n\texample.test/dep v1.0.0\n)\n");
        Path lib = Files.createDirectories(repository.resolve("lib"));
        Files.writeString(lib.resolve("go.mod"), "module example.com/lib\n\ngo 1.21\n");
    }

    @Test
    void inAWorkspaceGoWorkSumCountsAndAReplacedWorkspaceModuleNeedsNoLine() throws IOException {
        workspace("");
        Map<Path, String> before = contents();
        assertThat(check(false)).isEmpty();
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void withGoworkOffTheSameModuleIsJudgedAlone() throws IOException {
        workspace("");
        pom.put("GOWORK", "off");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .isEqualTo(module.resolve("go.mod")
                                + " requires 2 modules but there is no go.sum, so nothing pins their content. "
                                + "Fix: run 'go mod tidy' and commit go.sum."));
    }

    @Test
    void aWorkspaceWithNoSumFileAtAllIsStillCaught() throws IOException {
        workspace("");
        Files.delete(repository.resolve("go.work.sum"));
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(module.resolve("go.mod") + " requires 1 module that no local directory replaces, "
                                + "but its workspace " + repository.resolve("go.work")
                                + " has no go.work.sum and none of its modules has a go.sum"));
    }

    @Test
    void aGoSumOfAnotherWorkspaceModuleCountsAsGoDoes() throws IOException {
        workspace("");
        Files.move(repository.resolve("go.work.sum"), repository.resolve("lib/go.sum"));
        assertThat(check(true)).isEmpty();
    }

    @Test
    void aModuleTheWorkspaceDoesNotUseIsNamedWithTheFix() throws IOException {
        workspace("");
        Files.writeString(repository.resolve("go.work"), "go 1.21\n\nuse ./lib\n");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(module + " lies in the workspace " + repository.resolve("go.work")
                                + " but is not one of its modules")
                        .contains("run 'go work use service' in " + repository));
    }

    @Test
    void anUnparsableGoWorkIsReportedWithItsLine() throws IOException {
        workspace("frobnicate x\n");
        assertThat(check(true))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(repository.resolve("go.work") + ":9: unknown directive: frobnicate"));
    }

    @Test
    void aReplaceInGoWorkOutsideTheRepositoryIsRefusedWhenAsked() throws IOException {
        workspace("replace example.test/dep => ../elsewhere/dep\n");
        assertThat(check(true)).isEmpty();
        assertThat(check(false))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith(repository.resolve("go.work") + ":9: replace example.test/dep => ../elsewhere/dep")
                        .contains("outside the repository"));
    }

    @Test
    void aLocallyReplacedRequirementNeedsNoGoSumInALoneModuleEither() throws IOException {
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/service\n\ngo 1.21\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n");
        assertThat(check(true)).isEmpty();
    }

    @Test
    void aModulesOwnVendorIsIgnoredInAWorkspaceAndTheWarningSaysSo() throws IOException {
        workspace("");
        Files.createDirectories(module.resolve("vendor"));
        Files.writeString(module.resolve("vendor/modules.txt"), "# not what go.mod says\n");
        assertThat(check(true)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(PolicyFinding.Severity.WARNING);
            assertThat(f.message())
                    .startsWith(module.resolve("vendor") + " is ignored: in the workspace "
                            + repository.resolve("go.work"));
        });
    }

    private Map<Path, String> contents() throws IOException {
        Map<Path, String> contents = new java.util.TreeMap<>();
        try (var files = Files.walk(repository)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(file, Files.readString(file));
            }
        }
        return contents;
    }

    private List<PolicyFinding> check(boolean allowReplaceOutside) {
        Map<String, String> complete = InstalledGoForTests.processEnvironmentWith(pom);
        GoEnvironment environment = GoEnvironment.of(go, complete, GoLog.SILENT);
        Map<String, String> declared = new java.util.HashMap<>(pom);
        declared.values().removeIf(String::isEmpty);
        return ModuleLayoutPolicy.check(
                module,
                go,
                environment,
                new GoSettingSources(declared, Map.of(), null, go.goRoot()),
                complete,
                allowReplaceOutside,
                repository,
                "example.com/service",
                GoLog.SILENT);
    }
}
