package dev.gomvn.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumListTest {
    private static final String A = "a".repeat(64);
    private static final String B = "B".repeat(64);
    private static final String C = "c".repeat(64);

    @TempDir
    Path temp;

    @Test
    void readsTheBinariesOfThisArtifactAndVersionByClassifier() {
        ChecksumList list = ChecksumList.parse(
                "repo",
                A + "  app-1.0-linux-amd64.bin\n"
                        + B + " *app-1.0-windows-amd64.exe\r\n"
                        + C + "  app-1.0-linux-amd64-cyclonedx.json\n"
                        + "\n# written by hand\n"
                        + C + "  dist/app-1.0-linux-arm-7.bin\n"
                        + A + "  other-1.0-linux-amd64.bin\n"
                        + A + "  app-0.9-linux-amd64.bin\n");

        assertThat(list.binaries("app", "1.0"))
                .containsOnlyKeys("linux-amd64", "windows-amd64", "linux-arm-7")
                .containsEntry("linux-amd64", new ChecksumList.Entry("app-1.0-linux-amd64.bin", "linux-amd64", A))
                .containsEntry(
                        "windows-amd64",
                        new ChecksumList.Entry("app-1.0-windows-amd64.exe", "windows-amd64", B.toLowerCase()))
                .containsEntry("linux-arm-7", new ChecksumList.Entry("dist/app-1.0-linux-arm-7.bin", "linux-arm-7", C));
        assertThat(ChecksumList.extension("app-1.0-windows-amd64.exe")).isEqualTo("exe");
    }

    @Test
    void aLineThatIsNotADigestAndANameIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> ChecksumList.parse("https://example.com/SHA256SUMS", A + "  ok.bin\nnot a checksum\n"))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(
                        "Line 2 of the checksum list https://example.com/SHA256SUMS is 'not a checksum', not '<sha256>  <file name>'")
                .hasMessageContaining("<publishedChecksums> (go.compare.checksums)");
    }

    @Test
    void oneNameWithTwoDigestsIsRefused() {
        assertThatThrownBy(() -> ChecksumList.parse("list", A + "  x.bin\n" + C + "  x.bin\n"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("names x.bin twice with different digests (" + A + ", " + C + ")");
    }

    @Test
    void aDownloadedBinaryThatIsNotTheListedOneIsCalledTamperedWithBothDigests() throws IOException {
        Path file = Files.writeString(temp.resolve("app-1.0-linux-amd64.bin"), "not what was published");
        ChecksumList list = ChecksumList.parse("app-1.0.sha256sums", A + "  app-1.0-linux-amd64.bin\n");
        ChecksumList.Entry entry = list.binaries("app", "1.0").get("linux-amd64");

        assertThatThrownBy(() -> entry.verify(file, "repository it-remote", list))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(
                        "app-1.0-linux-amd64.bin from repository it-remote has SHA-256 " + Sha256.of(file))
                .hasMessageContaining("the published checksum list app-1.0.sha256sums gives " + A)
                .hasMessageContaining("tampered with");
    }

    @Test
    void aDownloadedBinaryThatIsTheListedOnePasses() throws IOException {
        Path file = Files.writeString(temp.resolve("b.bin"), "published");
        ChecksumList list = ChecksumList.parse("list", Sha256.of(file) + "  app-1.0-linux-amd64.bin\n");

        list.binaries("app", "1.0").get("linux-amd64").verify(file, "repo", list);
    }
}
