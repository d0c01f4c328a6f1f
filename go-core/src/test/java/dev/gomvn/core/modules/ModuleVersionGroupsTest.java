package dev.gomvn.core.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.testsupport.LocalGoProxy;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requireConsistentModuleVersions' core with the real go command and fake k8s.io modules in a local
 * file:// GOPROXY: only linked modules count (test imports too), a module that is merely in the module
 * graph does not, the default group knows which k8s.io modules share Kubernetes' version, and the fix
 * moves the laggards up to the newest version linked.
 */
class ModuleVersionGroupsTest {
    @TempDir
    static Path shared;

    static Toolchain go;
    static Map<String, String> environment;

    @TempDir
    Path module;

    @BeforeAll
    static void publishKubernetesLikeModules() throws IOException {
        go = InstalledGoForTests.toolchain();
        LocalGoProxy proxy = new LocalGoProxy(shared.resolve("proxy"));
        for (String version : List.of("v0.35.1", "v0.35.2")) {
            proxy.publish("k8s.io/api", version, Map.of("core/v1/types.go", "package v1\n\ntype Pod struct{}\n"));
        }
        proxy.publish(
                        "k8s.io/apimachinery",
                        "v0.35.2",
                        Map.of("pkg/util/sets/sets.go", "package sets\n\ntype Empty struct{}\n"))
                // client-go needs kube-aggregator in its go.mod, yet links none of its packages.
                .publish(
                        "k8s.io/client-go",
                        "v0.35.2",
                        Map.of("kubernetes/clientset.go", "package kubernetes\n\ntype Clientset struct{}\n"),
                        "k8s.io/kube-aggregator v0.34.0")
                .publish(
                        "k8s.io/kube-aggregator",
                        "v0.34.0",
                        Map.of("pkg/apis/apiregistration/doc.go", "package apiregistration\n"))
                .publish("k8s.io/klog/v2", "v2.130.1", Map.of("klog.go", "package klog\n\nfunc Info(...any) {}\n"))
                .publish("example.test/plain", "v1.0.0", Map.of("plain.go", "package plain\n"));
        environment = proxy.goEnvironment(shared.resolve("modcache"));
        environment.put("GONOSUMDB", "example.test,k8s.io");
    }

    @BeforeEach
    void writeOperatorLikeModule() throws IOException {
        Files.writeString(module.resolve("main.go"), """
                package main

                import (
                \t"k8s.io/apimachinery/pkg/util/sets"
                \t"k8s.io/client-go/kubernetes"
                \t"k8s.io/klog/v2"
                )

                func main() { klog.Info(sets.Empty{}, kubernetes.Clientset{}) }
                """);
        // k8s.io/api is linked by the tests only: it counts all the same.
        Files.writeString(module.resolve("main_test.go"), """
                package main

                import (
                \t"testing"

                \tv1 "k8s.io/api/core/v1"
                )

                func TestPod(t *testing.T) { _ = v1.Pod{} }
                """);
    }

    @Test
    void theDefaultGroupFindsTheLaggardAndIgnoresAModuleThatIsOnlyInTheGraph() throws IOException {
        tidyWith("k8s.io/api v0.35.1");
        assertThat(BuildList.load(go, module, environment, false, GoLog.SILENT).dependencies())
                .anySatisfy(m -> assertThat(m.path() + " " + m.version()).isEqualTo("k8s.io/kube-aggregator v0.34.0"));

        ModuleVersionGroups.Comparison comparison = ModuleVersionGroups.kubernetesRelease()
                .compare(BuildList.linked(go, module, environment, false, GoLog.SILENT));

        assertThat(comparison.consistent()).isFalse();
        assertThat(comparison.inconsistencies())
                .containsExactly(
                        "group [@kubernetes]: k8s.io/api v0.35.1, k8s.io/apimachinery v0.35.2, k8s.io/client-go v0.35.2");
        assertThat(comparison.alignCommand()).hasValue("go get k8s.io/api@v0.35.2");
        assertThat(comparison.warnings()).isEmpty();
    }

    @Test
    void alignedKubernetesModulesShareOneVersionAndKlogIsNotOneOfThem() throws IOException {
        tidyWith("k8s.io/api v0.35.2");
        String goSum = Sha256.of(module.resolve("go.sum"));

        ModuleVersionGroups.Comparison comparison = ModuleVersionGroups.kubernetesRelease()
                .compare(BuildList.linked(go, module, environment, false, GoLog.SILENT));

        assertThat(comparison.consistent()).isTrue();
        assertThat(comparison.comparedAnything()).isTrue();
        assertThat(comparison.summaries())
                .containsExactly("[@kubernetes] share v0.35.2 (k8s.io/api, k8s.io/apimachinery, k8s.io/client-go)");
        assertThat(Sha256.of(module.resolve("go.sum"))).isEqualTo(goSum);
    }

    @Test
    void theNaturalButWrongGroupFailsOnKlogAndSaysWhy() throws IOException {
        tidyWith("k8s.io/api v0.35.2");
        BuildList linked = BuildList.linked(go, module, environment, false, GoLog.SILENT);

        ModuleVersionGroups.Comparison everything =
                ModuleVersionGroups.parse(List.of("k8s.io/*")).compare(linked);
        assertThat(everything.inconsistencies())
                .containsExactly("group [k8s.io/*]: k8s.io/api v0.35.2, k8s.io/apimachinery v0.35.2, "
                        + "k8s.io/client-go v0.35.2, k8s.io/klog/v2 v2.130.1");
        // klog's v2.130.1 is no version for k8s.io/api: only the release modules would be aligned, and they are.
        assertThat(everything.alignCommand()).isEmpty();
        assertThat(everything.warnings())
                .singleElement()
                .asString()
                .startsWith("The group [k8s.io/*] holds k8s.io/klog/v2, which is not released with Kubernetes")
                .contains("Use @kubernetes")
                .endsWith("exclude them, e.g. !k8s.io/klog/v2.");

        assertThat(ModuleVersionGroups.parse(List.of("k8s.io/*, !k8s.io/klog/*"))
                        .compare(linked)
                        .consistent())
                .isTrue();
        assertThat(ModuleVersionGroups.parse(List.of("@kubernetes, !k8s.io/api"))
                        .compare(linked)
                        .summaries())
                .containsExactly("[@kubernetes, !k8s.io/api] share v0.35.2 (k8s.io/apimachinery, k8s.io/client-go)");
    }

    @Test
    void aGroupThatLinksNothingSaysSo() throws IOException {
        tidyWith("k8s.io/api v0.35.2");
        BuildList linked = BuildList.linked(go, module, environment, false, GoLog.SILENT);

        ModuleVersionGroups.Comparison comparison = ModuleVersionGroups.parse(
                        List.of("k8s.io/clientgo", "k8s.io/kube-aggregator"))
                .compare(linked);

        assertThat(comparison.consistent()).isTrue();
        assertThat(comparison.comparedAnything()).isFalse();
        assertThat(comparison.summaries())
                .containsExactly(
                        "no module of group [k8s.io/clientgo] is linked; nothing to compare",
                        "no module of group [k8s.io/kube-aggregator] is linked; nothing to compare");
        assertThat(comparison.warnings())
                .hasSize(2)
                .allSatisfy(
                        warning -> assertThat(warning).contains("matches no module linked by the build or its tests"));
    }

    @Test
    void aModuleWithoutKubernetesComparesNothingAndTheDefaultGroupDoesNotWarn() throws IOException {
        Files.delete(module.resolve("main_test.go"));
        Files.writeString(
                module.resolve("main.go"), "package main\n\nimport _ \"example.test/plain\"\n\nfunc main() {}\n");
        tidyWith("example.test/plain v1.0.0");

        ModuleVersionGroups.Comparison comparison = ModuleVersionGroups.kubernetesRelease()
                .compare(BuildList.linked(go, module, environment, false, GoLog.SILENT));

        assertThat(comparison.comparedAnything()).isFalse();
        assertThat(comparison.summaries())
                .containsExactly("no module of group [@kubernetes] is linked; nothing to compare");
        assertThat(comparison.warnings()).isEmpty();
        // Written out in a company parent POM, it is no typo either: no warning for every Go module without Kubernetes.
        assertThat(ModuleVersionGroups.parse(List.of("@kubernetes"))
                        .compare(BuildList.linked(go, module, environment, false, GoLog.SILENT))
                        .warnings())
                .isEmpty();
    }

    @Test
    void anIncompleteGoSumIsReportedAsSuchNotAsARawGoFailure() throws IOException {
        tidyWith("k8s.io/api v0.35.2");
        Path goSumFile = module.resolve("go.sum");
        Files.writeString(
                goSumFile, Files.readString(goSumFile).replaceAll("(?m)^k8s.io/client-go v0.35.2 h1:.*\n", ""));
        String goSum = Sha256.of(goSumFile);

        assertThatThrownBy(() -> BuildList.linked(go, module, environment, false, GoLog.SILENT))
                .isInstanceOfSatisfying(GoSumProblemException.class, e -> {
                    assertThat(e.goReason())
                            .contains("missing go.sum entry")
                            .contains("k8s.io/client-go")
                            .doesNotContain("to add");
                    assertThat(e.getMessage())
                            .startsWith("go cannot load the modules of " + module + " because go.sum is incomplete: ")
                            .contains(
                                    "Fix: run 'go mod tidy' and commit go.sum (requireModules and requireGoSumVerified");
                });
        assertThat(Sha256.of(goSumFile)).isEqualTo(goSum);

        // Without go.sum even the module graph cannot be loaded: the same report, not an environment error.
        Files.delete(goSumFile);
        assertThatThrownBy(() -> BuildList.load(go, module, environment, false, GoLog.SILENT))
                .isInstanceOf(GoSumProblemException.class)
                .hasMessageContaining(
                        "because go.sum is incomplete: k8s.io/api@v0.35.2: missing go.sum entry for go.mod file. Fix:")
                // go's "to add it: go mod download ..." would add lines without tidying: not repeated.
                .hasMessageNotContaining("to add it");
        assertThat(goSumFile).doesNotExist();
    }

    @Test
    void aPackageGoCannotLoadStopsTheJudgementInsteadOfHidingItsModules() throws IOException {
        tidyWith("k8s.io/api v0.35.2");
        Files.writeString(module.resolve("extra.go"), "package main\n\nimport _ \"example.test/unrequired\"\n");

        assertThatThrownBy(() -> BuildList.linked(go, module, environment, false, GoLog.SILENT))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("'go list -deps -test ./...' could not load every package in " + module + ":\n")
                .hasMessageContaining("\nexample.test/unrequired: ");
    }

    @Test
    void aGroupThatNamesNoModuleIsAConfigurationError() {
        assertThatThrownBy(() -> ModuleVersionGroups.parse(List.of("!k8s.io/klog/*")))
                .isInstanceOfSatisfying(
                        ConfigurationException.class,
                        e -> assertThat(e.parameter()).isEqualTo("groups"))
                .hasMessageContaining("names no module");
    }

    @Test
    void theDefaultGroupIsTheStagingSetWithoutModulesOfTheirOwnVersions() {
        assertThat(ModuleVersionGroups.KUBERNETES_RELEASE_MODULES)
                .contains("k8s.io/api", "k8s.io/apimachinery", "k8s.io/client-go", "k8s.io/apiextensions-apiserver")
                .contains("k8s.io/component-base", "k8s.io/kube-aggregator", "k8s.io/cri-api", "k8s.io/externaljwt")
                .doesNotContain("k8s.io/klog/v2", "k8s.io/kube-openapi", "k8s.io/utils", "k8s.io/gengo/v2");
    }

    /** go.mod requiring the modules main.go imports plus {@code extra}, then go mod tidy for a true go.sum. */
    private void tidyWith(String extra) throws IOException {
        Files.writeString(
                module.resolve("go.mod"),
                "module example.com/operator\n\ngo 1.21\n\nrequire (\n\t" + extra + "\n"
                        + (extra.startsWith("k8s.io")
                                ? "\tk8s.io/apimachinery v0.35.2\n\tk8s.io/client-go v0.35.2\n\tk8s.io/klog/v2 v2.130.1\n"
                                : "")
                        + ")\n");
        GoCommand.of(go.goRoot(), "mod", "tidy")
                .environment(environment)
                .in(module)
                .run()
                .requireSuccess();
    }
}
