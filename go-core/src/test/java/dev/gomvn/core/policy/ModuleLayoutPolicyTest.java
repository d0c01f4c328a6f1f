package dev.gomvn.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

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
        pom = new java.util.HashMap<>(Map.of("GOENV", "off", "GOFLAGS", "", "GO111MODULE", ""));
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
                .anySatisfy(m -> assertThat(m).contains("requires 1 module(s) but there is no go.sum"));
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

    private List<PolicyFinding> check(boolean allowReplaceOutside) {
        Map<String, String> complete = InstalledGoForTests.processEnvironmentWith(pom);
        GoEnvironment environment = GoEnvironment.of(go.goRoot(), complete);
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
                "example.com/service");
    }
}
