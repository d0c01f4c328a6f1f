package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.Platform;
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

    @Test
    void versionStampsChangeTheBinaryButNotWhatIsCompiled() {
        BuildTarget target = BuildTarget.parse("linux/arm64", new Platform("linux", "amd64"));
        Platform host = new Platform("linux", "amd64");
        BuildOptions release = BuildOptions.builder()
                .linkerVariables(Map.of("main.version", "1.1.0"))
                .build();
        BuildOptions snapshot = BuildOptions.builder()
                .linkerVariables(Map.of("main.version", "1.2.0-SNAPSHOT"))
                .build();
        BuildOptions tagged = BuildOptions.builder().tags("netgo").build();
        assertThat(release.fingerprint(target, host)).isNotEqualTo(snapshot.fingerprint(target, host));
        assertThat(release.compileFingerprint(target, host)).isEqualTo(snapshot.compileFingerprint(target, host));
        assertThat(tagged.compileFingerprint(target, host)).isNotEqualTo(release.compileFingerprint(target, host));
    }
}
