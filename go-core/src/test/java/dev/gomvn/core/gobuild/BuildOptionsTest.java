package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildOptionsTest {

    @Test
    void goListAsksAboutTheSameBuildThatGoBuildRuns() {
        BuildOptions options = BuildOptions.builder()
                .tags("netgo")
                .ldflags("-s -w")
                .buildFlags("-gcflags 'all=-N -l'")
                .build();
        assertThat(options.buildArguments(Path.of("out/app"), "./cmd/app"))
                .containsExactly(
                        "build",
                        "-v",
                        "-trimpath",
                        "-buildvcs=false",
                        "-tags=netgo",
                        "-ldflags=-s -w",
                        "-gcflags",
                        "all=-N -l",
                        "-o",
                        Path.of("out/app").toString(),
                        "./cmd/app");
        assertThat(options.listDependenciesArguments("{{.ImportPath}}", "./cmd/app"))
                .containsExactly(
                        "list",
                        "-deps",
                        "-f",
                        "{{.ImportPath}}",
                        "-trimpath",
                        "-buildvcs=false",
                        "-tags=netgo",
                        "-ldflags=-s -w",
                        "-gcflags",
                        "all=-N -l",
                        "./cmd/app");
    }

    @Test
    void packageNamesAreShownOnlyWhenTheUserAskedGoForThem() {
        assertThat(BuildOptions.builder().build().packageNamesAsked()).isFalse();
        assertThat(BuildOptions.builder().buildFlags("-x -v").build().packageNamesAsked())
                .isTrue();
        assertThat(BuildOptions.builder()
                        .environment(Map.of("GOFLAGS", "-mod=readonly -v=true"))
                        .build()
                        .packageNamesAsked())
                .isTrue();
        assertThat(BuildOptions.builder()
                        .environment(Map.of("GOFLAGS", "-mod=readonly"))
                        .build()
                        .packageNamesAsked())
                .isFalse();
    }
}
