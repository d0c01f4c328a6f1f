package dev.gomvn.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoSumFileTest {

    @Test
    void readsZipAndGoModHashes() {
        GoSumFile sum = GoSumFile.parse(
                String.join(
                        "\n",
                        "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
                        "github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=",
                        "golang.org/x/sync v0.10.0/go.mod h1:Czt+wKu1gCyEFDUtn0jG5QVvpJ6rzVqr5aXyt9drQfk=",
                        ""),
                "go.sum");
        assertThat(sum.entries()).hasSize(3);
        assertThat(sum.hasZipHash("github.com/google/uuid", "v1.6.0")).isTrue();
        assertThat(sum.hasGoModHash("github.com/google/uuid", "v1.6.0")).isTrue();
        assertThat(sum.hasZipHash("golang.org/x/sync", "v0.10.0")).isFalse();
        assertThat(sum.hasGoModHash("golang.org/x/sync", "v0.10.0")).isTrue();
        assertThat(sum.entries().get(2).line()).isEqualTo(3);
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertThatThrownBy(() -> GoSumFile.parse("a v1 h1:x=\nbroken line\n", "/m/go.sum"))
                .isInstanceOf(GoModParseException.class)
                .hasMessageStartingWith("/m/go.sum:2: malformed go.sum line 'broken line'");
    }
}
