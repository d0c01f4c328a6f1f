package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the progress lines say while go build -v runs, and what stays go's own output. */
class CompileProgressTest {
    private static final StalePackages PLAN = new StalePackages(
            Set.of("fmt", "example.com/app/lib", "example.com/app/cmd/app"),
            Set.of("example.com/app/lib", "example.com/app/cmd/app"));

    @Test
    void countsThePackagesGoStartsAgainstThoseItHasToCompile() {
        CompileProgress progress = new CompileProgress();
        assertThat(progress.describe()).isEqualTo("loading packages");
        progress.expect(PLAN);
        assertThat(progress.describe()).isEqualTo("loading packages, 2 packages to compile");

        assertThat(progress.accept("example.com/app/lib")).isTrue();
        assertThat(progress.describe()).isEqualTo("compiling package 1 of 2 (example.com/app/lib)");
        assertThat(progress.accept("example.com/app/cmd/app")).isTrue();
        assertThat(progress.describe()).isEqualTo("compiling package 2 of 2 (example.com/app/cmd/app), then linking");
    }

    @Test
    void aBuildWithEverythingCachedOnlyLinks() {
        CompileProgress progress = new CompileProgress();
        progress.expect(new StalePackages(Set.of("fmt", "example.com/app"), Set.of()));
        assertThat(progress.describe()).isEqualTo("linking (every package is in the build cache)");
    }

    @Test
    void compilerOutputIsNeverTakenForAPackageNameAndIsKeptForTheFailure() {
        CompileProgress progress = new CompileProgress();
        progress.expect(PLAN);
        assertThat(progress.accept("example.com/app/lib")).isTrue();
        assertThat(progress.accept("# example.com/app/lib")).isFalse();
        assertThat(progress.accept("lib/lib.go:3:18: cannot use \"x\" (untyped string constant) as int value"))
                .isFalse();
        assertThat(progress.accept("go: downloading k8s.io/api v0.30.1")).isFalse();
        assertThat(progress.output())
                .containsExactly(
                        "# example.com/app/lib",
                        "lib/lib.go:3:18: cannot use \"x\" (untyped string constant) as int value",
                        "go: downloading k8s.io/api v0.30.1");
    }

    @Test
    void withoutGoListItRecognisesBareImportPathsAndCountsWithoutATotal() {
        CompileProgress progress = new CompileProgress();
        assertThat(progress.accept("internal/goarch")).isTrue();
        assertThat(progress.accept("k8s.io/client-go/kubernetes")).isTrue();
        assertThat(progress.accept("command-line-arguments")).isTrue();
        assertThat(progress.accept("./main.go:4:2: undefined: undefinedThing")).isFalse();
        assertThat(progress.accept("# k8s.io/client-go/kubernetes")).isFalse();
        assertThat(progress.describe()).isEqualTo("compiling package 3 (command-line-arguments)");
    }

    @Test
    void packagesGoCompilesThoughGoListCalledThemCachedJoinTheTotal() {
        CompileProgress progress = new CompileProgress();
        progress.expect(new StalePackages(Set.of("fmt", "example.com/app"), Set.of("example.com/app")));
        progress.accept("fmt");
        assertThat(progress.describe()).isEqualTo("compiling package 1 of 2 (fmt)");
    }

    @Test
    void aPlanThatArrivesAfterGoStartedCountsWhatWasAlreadyCompiled() {
        CompileProgress progress = new CompileProgress();
        assertThat(progress.accept("internal/goarch")).isTrue();
        assertThat(progress.accept("fmt")).isTrue();
        // go list ran beside go build: by the time it looked, fmt was cached and so not stale.
        progress.expect(new StalePackages(
                Set.of("internal/goarch", "fmt", "example.com/app/lib", "example.com/app"),
                Set.of("example.com/app/lib", "example.com/app")));
        assertThat(progress.describe()).isEqualTo("compiling package 2 of 4 (fmt)");
        assertThat(progress.accept("example.com/app/lib")).isTrue();
        assertThat(progress.accept("example.com/app")).isTrue();
        assertThat(progress.describe()).isEqualTo("compiling package 4 of 4 (example.com/app), then linking");
    }

    @Test
    void aLinePackageNamesCannotExplainDropsTheTotal() {
        CompileProgress progress = new CompileProgress();
        progress.accept("command-line-arguments");
        progress.expect(new StalePackages(Set.of("example.com/app"), Set.of()));
        assertThat(progress.describe()).isEqualTo("compiling package 1 (command-line-arguments)");
    }

    @Test
    void withACacheProgramGoListIsNotAskedSinceItWouldFetchWhatGoBuildFetches() {
        assertThat(StalePackages.worthListing(Map.of(), Map.of())).isTrue();
        assertThat(StalePackages.worthListing(Map.of("GOCACHEPROG", "/sdk/gomvn-cacheprog"), Map.of()))
                .isFalse();
        assertThat(StalePackages.worthListing(Map.of(), Map.of("GOCACHEPROG", "/usr/local/bin/my-cache")))
                .isFalse();
        // An empty GOCACHEPROG set for go turns off the one go would inherit.
        assertThat(StalePackages.worthListing(Map.of("GOCACHEPROG", ""), Map.of("GOCACHEPROG", "/usr/local/bin/x")))
                .isTrue();
    }

    @Test
    void goListsStaleAnswerSeparatesPackagesToCompileFromAMainPackageThatOnlyNeedsLinking() {
        StalePackages packages = StalePackages.parse(String.join(
                "\n",
                "unsafe\tfalse\t",
                "fmt\ttrue\tbuild ID mismatch",
                "example.com/app/lib\ttrue\tstale dependency: fmt",
                "example.com/app\ttrue\tnot installed but available in build cache",
                ""));
        assertThat(packages.dependencies())
                .containsExactlyInAnyOrder("unsafe", "fmt", "example.com/app/lib", "example.com/app");
        assertThat(packages.toCompile()).containsExactlyInAnyOrder("fmt", "example.com/app/lib");
    }
}
