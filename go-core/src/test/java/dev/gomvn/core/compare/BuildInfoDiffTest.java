package dev.gomvn.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.LinkerVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildInfoDiffTest {
    private static final LinkerVariables NONE = new LinkerVariables(Map.of(), true, "");

    @Test
    void namesEveryModuleSettingAndGoVersionThatDiffers() {
        GoBuildInfo here = GoBuildInfo.parse(String.join(
                "\n",
                "app: go1.22.5",
                "\tpath\texample.com/app",
                "\tmod\texample.com/app\tv1.0.0\th1:main=",
                "\tdep\texample.com/lib\tv1.2.0\th1:lib120=",
                "\tdep\texample.com/only-here\tv0.1.0\th1:x=",
                "\tdep\texample.com/retagged\tv1.0.0\th1:one=",
                "\tbuild\t-tags=netgo",
                "\tbuild\tCGO_ENABLED=0",
                "\tbuild\t-trimpath=true"));
        GoBuildInfo published = GoBuildInfo.parse(String.join(
                "\n",
                "app: go1.22.6",
                "\tpath\texample.com/app",
                "\tmod\texample.com/app\tv1.0.0\th1:main=",
                "\tdep\texample.com/lib\tv1.3.0\th1:lib130=",
                "\tdep\texample.com/retagged\tv1.0.0\th1:two=",
                "\tdep\texample.com/replaced\tv1.0.0",
                "\t=>\t../replaced\t(devel)\t",
                "\tbuild\t-ldflags=\"-s -w\"",
                "\tbuild\tCGO_ENABLED=1",
                "\tbuild\t-trimpath=true"));

        assertThat(BuildInfoDiff.between(new BuildInfoDiff.Build(here, NONE), new BuildInfoDiff.Build(published, NONE)))
                .containsExactly(
                        "Go version go1.22.5 here, go1.22.6 published",
                        "example.com/lib v1.2.0 here, v1.3.0 published",
                        "example.com/only-here v0.1.0 here, not linked into the published binary",
                        "example.com/replaced not linked in here, v1.0.0 => ../replaced (devel) published",
                        "example.com/retagged v1.0.0 with sum h1:one= here, h1:two= published (same version, other content)",
                        "build setting -ldflags not set here, -ldflags=\"-s -w\" published",
                        "build setting -tags=netgo here, -tags not set published",
                        "build setting CGO_ENABLED=0 here, CGO_ENABLED=1 published");
    }

    @Test
    void namesTheLinkerVariablesThatDifferAndWhatCouldNotBeRead() {
        GoBuildInfo info = GoBuildInfo.parse("app: go1.22.5\n\tpath\texample.com/app\n");
        BuildInfoDiff.Build here = new BuildInfoDiff.Build(
                info, new LinkerVariables(Map.of("main.version", "1.0.1", "main.commit", "abc"), true, ""));
        BuildInfoDiff.Build published = new BuildInfoDiff.Build(
                info, new LinkerVariables(Map.of("main.version", "1.0.0", "main.commit", "abc"), true, ""));
        BuildInfoDiff.Build stripped =
                new BuildInfoDiff.Build(info, new LinkerVariables(Map.of(), false, "no symbols"));

        assertThat(BuildInfoDiff.between(here, published))
                .containsExactly("linker variable (-X) main.version=1.0.1 here, main.version=1.0.0 published");
        assertThat(BuildInfoDiff.between(here, here)).isEmpty();
        assertThat(BuildInfoDiff.unread(here, stripped))
                .containsExactly("-X values not read from the published binary: no symbols");
    }
}
