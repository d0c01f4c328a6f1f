package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetBinariesTest {
    @TempDir
    Path temp;

    @Test
    void targetDirectoriesNameTheirTargetsVariantsIncluded() {
        assertThat(TargetBinaries.targetOf("linux_amd64").toString()).isEqualTo("linux/amd64");
        assertThat(TargetBinaries.targetOf("linux_arm_7").toString()).isEqualTo("linux/arm/7");
        assertThat(TargetBinaries.targetOf("linux_arm_7_softfloat").toString()).isEqualTo("linux/arm/7,softfloat");
        assertThat(TargetBinaries.targetOf("linux_arm64_v8.2_lse").toString()).isEqualTo("linux/arm64/v8.2,lse");
    }

    @Test
    void withoutGoBuildsChecksumsThereIsNothingToPack() {
        assertThatThrownBy(() -> TargetBinaries.read(temp.resolve("bin")))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "There is no " + temp.resolve("bin/SHA256SUMS")
                                + ": go:image packs the binaries go:build wrote;"
                                + " run go:build first (mvn package runs both), with the same <outputDirectory> (go.outputDirectory).");
    }
}
