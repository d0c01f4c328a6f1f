package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.Platform;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.BuiltBinary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryAttachmentsTest {
    private static final Platform HOST = new Platform("linux", "amd64");
    private static final Path SUMS = Path.of("target/go/published.sha256sums");
    private static final String SHA = "0".repeat(64);

    private static BuiltBinary binary(String target, String file) {
        return new BuiltBinary(
                BuildTarget.parse(target, HOST), ".", Path.of("target/go/bin", file), SHA, 1, Duration.ZERO, false);
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
                "jar");
        assertThat(plan.publishedSha256("my-operator", "1.0-SNAPSHOT"))
                .as("the checksum list itself is not in it")
                .containsExactly(
                        java.util.Map.entry("my-operator-1.0-SNAPSHOT-manager-linux-amd64.bin", SHA),
                        java.util.Map.entry("my-operator-1.0-SNAPSHOT-cli-windows-amd64.exe", SHA));
    }
}
