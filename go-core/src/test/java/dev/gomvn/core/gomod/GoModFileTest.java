package dev.gomvn.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoModFileTest {

    private static final String FULL = String.join(
            "\n",
            "// The operator's module.",
            "module example.com/operator // trailing comment",
            "",
            "go 1.22.3",
            "",
            "toolchain go1.22.5",
            "",
            "godebug default=go1.21",
            "",
            "require (",
            "\tgithub.com/google/uuid v1.6.0",
            "\tgolang.org/x/sync v0.10.0 // indirect",
            "\t\"k8s.io/api\" v0.30.1",
            ")",
            "",
            "require github.com/stretchr/testify v1.9.0",
            "",
            "replace (",
            "\texample.com/lib => ../lib",
            "\texample.com/fork v1.0.0 => example.com/fork2 v1.0.1",
            ")",
            "",
            "exclude golang.org/x/net v0.1.0",
            "",
            "retract (",
            "\tv1.0.1 // published by mistake",
            "\t[v1.1.0, v1.1.5] // broken builds",
            ")",
            "",
            "tool golang.org/x/tools/cmd/stringer",
            "ignore ./node_modules",
            "");

    @Test
    void readsEveryDirective() {
        GoModFile mod = GoModFile.parse(FULL, "go.mod");
        assertThat(mod.modulePath()).contains("example.com/operator");
        assertThat(mod.goVersion()).map(Object::toString).contains("1.22.3");
        assertThat(mod.toolchain()).contains("go1.22.5");
        assertThat(mod.godebug()).containsExactly("default=go1.21");
        assertThat(mod.requires())
                .extracting(GoModFile.Requirement::path)
                .containsExactly(
                        "github.com/google/uuid", "golang.org/x/sync", "k8s.io/api", "github.com/stretchr/testify");
        assertThat(mod.requires().get(1).indirect()).isTrue();
        assertThat(mod.requires().get(0).indirect()).isFalse();
        assertThat(mod.requires().get(0).line()).isEqualTo(11);
        assertThat(mod.replaces()).hasSize(2);
        assertThat(mod.replaces().get(0).isLocalDirectory()).isTrue();
        assertThat(mod.replaces().get(1).isLocalDirectory()).isFalse();
        assertThat(mod.replaces().get(1).oldVersion()).isEqualTo("v1.0.0");
        assertThat(mod.replaces().get(1).newVersion()).isEqualTo("v1.0.1");
        assertThat(mod.excludes()).containsExactly(new GoModFile.ModuleVersionRef("golang.org/x/net", "v0.1.0"));
        assertThat(mod.retracts())
                .containsExactly(
                        new GoModFile.Retraction("v1.0.1", "v1.0.1", "published by mistake"),
                        new GoModFile.Retraction("v1.1.0", "v1.1.5", "broken builds"));
    }

    @Test
    void aModuleWithoutGoLineHasNone() {
        GoModFile mod = GoModFile.parse("module example.com/m\n", "go.mod");
        assertThat(mod.goVersion()).isEmpty();
        assertThat(mod.toolchain()).isEmpty();
    }

    @Test
    void unknownDirectivesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> GoModFile.parse("module example.com/m\n\ngo 1.22\nfoo bar\n", "/src/go.mod"))
                .isInstanceOf(GoModParseException.class)
                .hasMessageStartingWith("/src/go.mod:4: unknown directive: foo");
    }

    @Test
    void badGoVersionsAndUnclosedBlocksAreReportedWithTheirLine() {
        assertThatThrownBy(() -> GoModFile.parse("module m\ngo 1.x\n", "go.mod"))
                .hasMessageStartingWith("go.mod:2: invalid Go version '1.x'");
        assertThatThrownBy(() -> GoModFile.parse("module m\nrequire (\n\ta v1.0.0\n", "go.mod"))
                .hasMessageStartingWith("go.mod:2: the require block is never closed");
        assertThatThrownBy(() -> GoModFile.parse("module m\nrequire a\n", "go.mod"))
                .hasMessageStartingWith("go.mod:2: usage: require");
    }
}
