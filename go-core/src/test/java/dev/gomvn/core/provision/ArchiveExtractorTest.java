package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import dev.gomvn.core.provision.install.ArchiveExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
    @TempDir
    Path temp;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void stripsTheGoDirectoryAndKeepsExecuteBitsAndInternalSymlinks() throws IOException {
        Path archive = FakeSdk.archive(temp, "go1.22.5", "linux", "amd64");
        Path home = temp.resolve("home");
        ArchiveExtractor.extract(archive, home);
        assertThat(home.resolve("bin/go")).isRegularFile().isExecutable();
        assertThat(home.resolve("VERSION")).content().startsWith("go1.22.5");
        assertThat(Files.isExecutable(home.resolve("src/hello.go"))).isFalse();
        assertThat(Files.isSymbolicLink(home.resolve("bin/golink"))).isTrue();
        assertThat(home.resolve("bin/golink").toRealPath()).isEqualTo(home.resolve("bin/go").toRealPath());
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void zipEntriesUnderBinAndPkgToolBecomeExecutable() throws IOException {
        Path archive = temp.resolve("go1.22.5.windows-amd64.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (String name : new String[] {"go/bin/go.exe", "go/pkg/tool/windows_amd64/compile.exe", "go/src/a.go"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path home = temp.resolve("home");
        ArchiveExtractor.extract(archive, home);
        assertThat(home.resolve("bin/go.exe")).isExecutable();
        assertThat(home.resolve("pkg/tool/windows_amd64/compile.exe")).isExecutable();
        assertThat(Files.isExecutable(home.resolve("src/a.go"))).isFalse();
    }

    @Test
    void refusesParentDirectoryEntries() throws IOException {
        Path archive = hostile(tar -> FakeSdk.file(tar, "go/../../evil.sh", 0755, "boom"));
        assertRefused(archive, "go/../../evil.sh", "points outside the install directory");
        assertThat(temp.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void refusesAbsolutePaths() throws IOException {
        Path archive = hostile(tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("/tmp/evil.sh", true);
            entry.setSize(4);
            tar.putArchiveEntry(entry);
            tar.write("boom".getBytes(StandardCharsets.UTF_8));
            tar.closeArchiveEntry();
        });
        assertRefused(archive, "/tmp/evil.sh", "has an absolute path");
    }

    @Test
    void refusesSymlinksPointingOutside() throws IOException {
        assertRefused(hostile(tar -> FakeSdk.symlink(tar, "go/bin/passwd", "/etc/passwd")), "go/bin/passwd",
                "symlink to the absolute path /etc/passwd");
        assertRefused(hostile(tar -> FakeSdk.symlink(tar, "go/bin/up", "../../../outside")), "go/bin/up",
                "outside the install directory");
    }

    @Test
    void refusesHardLinksPointingOutside() throws IOException {
        assertRefused(hostile(tar -> FakeSdk.hardlink(tar, "go/bin/h", "go/../../secret")), "go/bin/h", "outside");
    }

    @Test
    void refusesEntriesOutsideTheGoDirectory() throws IOException {
        assertRefused(hostile(tar -> FakeSdk.file(tar, "other/file", 0644, "x")), "other/file", "not under the go/ directory");
    }

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path hostile(TarWriter writer) throws IOException {
        Path archive = Files.createTempFile(temp, "go1.22.5.linux-amd64-", ".tar.gz");
        try (TarArchiveOutputStream tar = FakeSdk.open(archive)) {
            FakeSdk.directory(tar, "go/");
            FakeSdk.file(tar, "go/VERSION", 0644, "go1.22.5\n");
            writer.write(tar);
        }
        return archive;
    }

    private void assertRefused(Path archive, String entry, String reason) throws IOException {
        Path home = Files.createTempDirectory(temp, "home");
        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, home))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("its entry '" + entry + "'")
                .hasMessageContaining(reason)
                .hasMessageContaining("nothing was installed");
    }

}
