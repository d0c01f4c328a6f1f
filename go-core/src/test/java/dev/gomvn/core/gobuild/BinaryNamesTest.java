package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names binaries get, as the README's "How binaries are named" describes them. */
class BinaryNamesTest {

    @Test
    void aPackageIsNamedByItsLastPathElement() {
        assertThat(BinaryNames.of(List.of("./cmd/server", "./tools/cli/"), Map.of(), "my-operator"))
                .containsEntry("./cmd/server", "server")
                .containsEntry("./tools/cli/", "cli");
    }

    @Test
    void theModuleRootAndACmdDirectoryTakeTheArtifactId() {
        // kubebuilder scaffolds cmd/main.go: "cmd" is where the main package lives, not the program's name.
        assertThat(BinaryNames.of(List.of("./cmd"), Map.of(), "my-operator")).containsEntry("./cmd", "my-operator");
        assertThat(BinaryNames.of(List.of("cmd/"), Map.of(), "my-operator")).containsEntry("cmd/", "my-operator");
        assertThat(BinaryNames.of(List.of("."), Map.of(), "my-operator")).containsEntry(".", "my-operator");
    }

    @Test
    void aMajorVersionElementIsSkipped() {
        assertThat(BinaryNames.of(List.of("./cmd/tool/v2"), Map.of(), "artifact"))
                .containsEntry("./cmd/tool/v2", "tool");
        assertThat(BinaryNames.of(List.of("./cmd/v2"), Map.of(), "artifact")).containsEntry("./cmd/v2", "artifact");
    }

    @Test
    void binaryNamesRenameByDefaultNamePackagePathOrLastElement() {
        assertThat(BinaryNames.of(List.of("./cmd"), Map.of("my-operator", "manager"), "my-operator"))
                .containsEntry("./cmd", "manager");
        assertThat(BinaryNames.of(List.of("./cmd"), Map.of("cmd", "manager"), "my-operator"))
                .as("configurations written when ./cmd was named cmd keep their name")
                .containsEntry("./cmd", "manager");
        assertThat(BinaryNames.of(List.of("./cmd/server"), Map.of("./cmd/server", "api"), "artifact"))
                .containsEntry("./cmd/server", "api");
    }
}
