package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildTargetTest {
    static final Platform HOST = new Platform("linux", "amd64");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "linux/amd64, linux_amd64, linux-amd64, , ",
        "linux/arm/7, linux_arm_7, linux-arm-7, GOARM, 7",
        "linux/amd64/v3, linux_amd64_v3, linux-amd64-v3, GOAMD64, v3",
        "linux/arm64/v8.2, linux_arm64_v8.2, linux-arm64-v8.2, GOARM64, v8.2",
        "linux/386/softfloat, linux_386_softfloat, linux-386-softfloat, GO386, softfloat",
        "linux/mips/softfloat, linux_mips_softfloat, linux-mips-softfloat, GOMIPS, softfloat",
        "linux/ppc64le/power9, linux_ppc64le_power9, linux-ppc64le-power9, GOPPC64, power9",
        "linux/riscv64/rva22u64, linux_riscv64_rva22u64, linux-riscv64-rva22u64, GORISCV64, rva22u64",
        "linux/arm64@musl, linux_arm64_musl, linux-arm64-musl, , ",
        "linux/arm/7@musl, linux_arm_7_musl, linux-arm-7-musl, GOARM, 7",
        "linux/amd64@glibc2.17, linux_amd64, linux-amd64, , ",
    })
    void parsesTargetsAndVariants(String spec, String directory, String classifier, String variable, String value) {
        BuildTarget target = BuildTarget.parse(spec, HOST);
        assertThat(target).hasToString(spec);
        assertThat(target.directoryName()).isEqualTo(directory);
        assertThat(target.classifier()).isEqualTo(classifier);
        assertThat(target.environment()).containsEntry("GOOS", "linux");
        if (variable != null) {
            assertThat(target.environment()).containsEntry(variable, value);
        } else {
            assertThat(target.environment()).hasSize(2);
        }
    }

    @Test
    void hostIsTheBuildMachine() {
        assertThat(BuildTarget.parse("host", new Platform("darwin", "arm64"))).hasToString("darwin/arm64");
    }

    @Test
    void theSbomSitsBesideTheBinaryExceptForWebAssemblyWhoseBuildInfoGoCannotRead() {
        assertThat(BuildTarget.parse("windows/amd64", HOST).sbomName("app")).contains("app.cdx.json");
        assertThat(BuildTarget.parse("linux/arm/7", HOST).sbomName("manager")).contains("manager.cdx.json");
        assertThat(BuildTarget.parse("js/wasm", HOST).sbomName("app")).isEmpty();
        assertThat(BuildTarget.parse("wasip1/wasm", HOST).sbomName("app")).isEmpty();
    }

    @Test
    void windowsAndWasmBinariesGetTheirExtension() {
        assertThat(BuildTarget.parse("windows/amd64", HOST).executableName("app"))
                .isEqualTo("app.exe");
        assertThat(BuildTarget.parse("js/wasm", HOST).executableName("app")).isEqualTo("app.wasm");
        assertThat(BuildTarget.parse("wasip1/wasm", HOST).executableName("app")).isEqualTo("app.wasm");
        assertThat(BuildTarget.parse("darwin/arm64", HOST).executableName("app"))
                .isEqualTo("app");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"linux", "linux/", "/amd64", "linux/amd64/", "linux/amd64/v3/x", "Linux/AMD64", "linux amd64"})
    void malformedTargetsSayHowToWriteOne(String spec) {
        assertThatThrownBy(() -> BuildTarget.parse(spec, HOST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<targets> (go.targets) entry '" + spec.strip() + "' is not a target");
    }

    @Test
    void invalidVariantsNameTheVariableAndTheValidValues() {
        assertThatThrownBy(() -> BuildTarget.parse("linux/arm/9", HOST))
                .hasMessageContaining("GOARM=9 is not valid for arm; use 5, 6 or 7");
        assertThatThrownBy(() -> BuildTarget.parse("linux/amd64/v5", HOST))
                .hasMessageContaining("GOAMD64=v5 is not valid for amd64; use v1, v2, v3 or v4");
        assertThatThrownBy(() -> BuildTarget.parse("linux/s390x/z15", HOST))
                .hasMessageContaining("but s390x takes none; remove '/z15'");
    }

    @Test
    void duplicatesCountOnceAndHostIsDefault() {
        assertThat(TargetList.parse(List.of("host", "linux/amd64", "darwin/arm64"), HOST))
                .extracting(Object::toString)
                .containsExactly("linux/amd64", "darwin/arm64");
        assertThat(TargetList.parse(List.of(), HOST))
                .extracting(Object::toString)
                .containsExactly("linux/amd64");
    }

    @Test
    void unknownTargetsNameTheClosestValidOnes() {
        Set<String> dist =
                Set.of("linux/amd64", "linux/arm64", "linux/386", "darwin/arm64", "windows/amd64", "freebsd/amd64");
        assertThatThrownBy(() -> TargetList.validate(List.of(BuildTarget.parse("linux/amd46", HOST)), dist, "1.22.5"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown target 'linux/amd46' (closest: linux/amd64, linux/arm64, linux/386) in <targets> "
                        + "(go.targets) for Go 1.22.5. Run 'go tool dist list' for all valid targets.");
        TargetList.validate(List.of(BuildTarget.parse("linux/amd64/v3", HOST)), dist, "1.22.5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "windows/amd64@musl | only linux targets have a choice (windows has one C library); remove '@musl'",
                "linux/arm64@uclibc | has '@uclibc'; write @musl, or @glibc followed by the oldest glibc it must run on",
                "linux/amd64@glibc2 | has glibc version '2'; write it as glibc's symbol versions do, e.g. 2.17",
                "linux/amd64@glibc3.1 | has glibc version '3.1'",
            })
    void aCLibraryIsChosenOnlyForLinuxAndInItsOwnSpelling(String spec, String message) {
        assertThatThrownBy(() -> BuildTarget.parse(spec, HOST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + spec + "'")
                .hasMessageContaining(message);
    }

    @Test
    void twoEntriesThatWouldWriteOneBinaryAreRefused() {
        assertThatThrownBy(() -> TargetList.parse(List.of("linux/amd64", "linux/amd64@glibc2.17"), HOST))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("lists 'linux/amd64' and 'linux/amd64@glibc2.17', which build the same binary"
                        + " (classifier linux-amd64); keep one.");
        assertThat(TargetList.parse(List.of("linux/arm64", "linux/arm64@musl"), HOST))
                .extracting(BuildTarget::classifier)
                .containsExactly("linux-arm64", "linux-arm64-musl");
    }
}
