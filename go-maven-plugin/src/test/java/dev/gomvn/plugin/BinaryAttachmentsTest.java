package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.BuiltBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryAttachmentsTest {
    private static final Platform HOST = new Platform("linux", "amd64");
    private static final Path SUMS = Path.of("target/go/published.sha256sums");
    private static final String SHA = "0".repeat(64);
    private static final String SBOM_SHA = "1".repeat(64);

    private static BuiltBinary binary(String target, String file) {
        return new BuiltBinary(
                BuildTarget.parse(target, HOST),
                ".",
                Path.of("target/go/bin", file),
                SHA,
                1,
                Duration.ZERO,
                false,
                Optional.empty());
    }

    private static BuiltBinary withSbom(String target, String file, String sbom) {
        BuiltBinary binary = binary(target, file);
        return new BuiltBinary(
                binary.target(),
                binary.packagePath(),
                binary.file(),
                SHA,
                1,
                Duration.ZERO,
                false,
                Optional.of(new BuiltBinary.Sbom(Path.of("target/go/bin", sbom), SBOM_SHA)));
    }

    @Test
    void eachSbomIsAttachedAsJsonWithItsBinarysClassifierAndCyclonedxAndListedAsPublished() {
        BinaryAttachments plan = BinaryAttachments.plan(
                List.of(
                        withSbom("linux/amd64", "linux_amd64/manager", "linux_amd64/manager.cdx.json"),
                        withSbom("windows/amd64", "windows_amd64/manager.exe", "windows_amd64/manager.cdx.json"),
                        binary("js/wasm", "js_wasm/manager.wasm")),
                1,
                SUMS,
                Optional.empty(),
                "go");
        assertThat(plan.attachments())
                .containsExactly(
                        new BinaryAttachments.Attachment(
                                "bin", "linux-amd64", Path.of("target/go/bin/linux_amd64/manager"), SHA),
                        new BinaryAttachments.Attachment(
                                "json",
                                "linux-amd64-cyclonedx",
                                Path.of("target/go/bin/linux_amd64/manager.cdx.json"),
                                SBOM_SHA),
                        new BinaryAttachments.Attachment(
                                "exe", "windows-amd64", Path.of("target/go/bin/windows_amd64/manager.exe"), SHA),
                        new BinaryAttachments.Attachment(
                                "json",
                                "windows-amd64-cyclonedx",
                                Path.of("target/go/bin/windows_amd64/manager.cdx.json"),
                                SBOM_SHA),
                        new BinaryAttachments.Attachment(
                                "wasm", "js-wasm", Path.of("target/go/bin/js_wasm/manager.wasm"), SHA));
        assertThat(plan.publishedSha256("hello-operator", "1.0.0"))
                .containsEntry("hello-operator-1.0.0-linux-amd64-cyclonedx.json", SBOM_SHA)
                .containsEntry("hello-operator-1.0.0-windows-amd64-cyclonedx.json", SBOM_SHA)
                .hasSize(5);
    }

    @Test
    void oneBinaryPerTargetIsClassifiedByPlatformAndTheGoPackagingPublishesSha256SumsAsItsMainArtifact() {
        BinaryAttachments plan = BinaryAttachments.plan(
                List.of(
                        binary("linux/amd64", "linux_amd64/app"),
                        binary("linux/arm/7", "linux_arm_7/app"),
                        binary("windows/amd64", "windows_amd64/app.exe"),
                        binary("js/wasm", "js_wasm/app.wasm")),
                1,
                SUMS,
                Optional.empty(),
                "go");
        assertThat(plan.attachments())
                .containsExactly(
                        new BinaryAttachments.Attachment(
                                "bin", "linux-amd64", Path.of("target/go/bin/linux_amd64/app"), SHA),
                        new BinaryAttachments.Attachment(
                                "bin", "linux-arm-7", Path.of("target/go/bin/linux_arm_7/app"), SHA),
                        new BinaryAttachments.Attachment(
                                "exe", "windows-amd64", Path.of("target/go/bin/windows_amd64/app.exe"), SHA),
                        new BinaryAttachments.Attachment(
                                "wasm", "js-wasm", Path.of("target/go/bin/js_wasm/app.wasm"), SHA));
        assertThat(plan.mainArtifact()).contains(SUMS);
    }

    @Test
    void severalPackagesPrefixTheClassifierWithTheBinaryNameAndOtherPackagingsAttachSha256Sums() {
        BinaryAttachments plan = BinaryAttachments.plan(
                List.of(binary("linux/amd64", "linux_amd64/manager"), binary("windows/amd64", "windows_amd64/cli.exe")),
                2,
                SUMS,
                Optional.empty(),
                "jar");
        assertThat(plan.attachments())
                .extracting(BinaryAttachments.Attachment::classifier)
                .containsExactly("manager-linux-amd64", "cli-windows-amd64", "sha256sums");
        assertThat(plan.attachments().get(2).type()).isEqualTo("txt");
        assertThat(plan.mainArtifact()).isEmpty();
    }

    @Test
    void thePublishedChecksumListNamesEachBinaryAsTheRepositoryDoes() {
        BinaryAttachments plan = BinaryAttachments.plan(
                List.of(binary("linux/amd64", "linux_amd64/manager"), binary("windows/amd64", "windows_amd64/cli.exe")),
                2,
                SUMS,
                Optional.empty(),
                "jar");
        assertThat(plan.publishedSha256("my-operator", "1.0-SNAPSHOT"))
                .as("the checksum list itself is not in it")
                .containsExactly(
                        java.util.Map.entry("my-operator-1.0-SNAPSHOT-manager-linux-amd64.bin", SHA),
                        java.util.Map.entry("my-operator-1.0-SNAPSHOT-cli-windows-amd64.exe", SHA));
    }

    @Test
    void theProvenanceStatementIsAttachedAsIntotoJsonAndListedWithTheBinaries(@TempDir Path directory)
            throws Exception {
        Path statement = Files.writeString(directory.resolve("provenance.intoto.json"), "{}\n");
        BinaryAttachments plan = BinaryAttachments.plan(
                List.of(binary("linux/amd64", "linux_amd64/app")), 1, SUMS, Optional.of(statement), "jar");
        assertThat(plan.attachments())
                .contains(new BinaryAttachments.Attachment("intoto.json", "provenance", statement, null));
        assertThat(plan.attachments().get(1).publishedName("app", "1.0")).isEqualTo("app-1.0-provenance.intoto.json");
        // What the statement vouches for: the binaries, not itself.
        assertThat(plan.builtSha256("app", "1.0")).containsOnlyKeys("app-1.0-linux-amd64.bin");
        // The published list names it too, with the digest of the file as written.
        assertThat(plan.publishedSha256("app", "1.0"))
                .containsOnlyKeys("app-1.0-linux-amd64.bin", "app-1.0-provenance.intoto.json")
                .containsEntry("app-1.0-provenance.intoto.json", dev.gomvn.core.Sha256.of(statement));
    }
}
