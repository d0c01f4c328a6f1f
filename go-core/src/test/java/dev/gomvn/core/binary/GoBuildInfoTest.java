package dev.gomvn.core.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.binary.GoBuildInfo.Module;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoBuildInfoTest {

    @Test
    void readsTheMainModuleAndEveryDependencyWithItsSumAndReplacement() {
        GoBuildInfo info = GoBuildInfo.parse(String.join(
                "\n",
                "tool: go1.26.8",
                "\tpath\texample.com/sbomt/cmd/tool",
                "\tmod\texample.com/sbomt\t(devel)\t",
                "\tdep\texample.com/local\tv0.0.0",
                "\t=>\t./local\t(devel)\t",
                "\t",
                "\tdep\tgithub.com/google/uuid\tv1.6.0\th1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
                "\tdep\tgolang.org/x/sync\tv0.10.0",
                "\t=>\tgolang.org/x/sync\tv0.9.0\th1:fEo0HyrW1GIgZdpbhCRO0PkJajUS5H9IFUztCgEo2jQ=",
                "\tbuild\tGOOS=linux"));
        assertThat(info.goVersion()).isEqualTo("go1.26.8");
        assertThat(info.path()).isEqualTo("example.com/sbomt/cmd/tool");
        assertThat(info.mainModule()).contains(new Module("example.com/sbomt", "(devel)", "", Optional.empty()));
        assertThat(info.dependencies())
                .containsExactly(
                        new Module(
                                "example.com/local",
                                "v0.0.0",
                                "",
                                Optional.of(new Module("./local", "(devel)", "", Optional.empty()))),
                        new Module(
                                "github.com/google/uuid",
                                "v1.6.0",
                                "h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
                                Optional.empty()),
                        new Module(
                                "golang.org/x/sync",
                                "v0.10.0",
                                "",
                                Optional.of(new Module(
                                        "golang.org/x/sync",
                                        "v0.9.0",
                                        "h1:fEo0HyrW1GIgZdpbhCRO0PkJajUS5H9IFUztCgEo2jQ=",
                                        Optional.empty()))));
        assertThat(info.dependencies().get(2).linked().version()).isEqualTo("v0.9.0");
        assertThat(info.setting("GOOS")).contains("linux");
    }
}
