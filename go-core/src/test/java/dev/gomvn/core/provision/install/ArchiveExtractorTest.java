package dev.gomvn.core.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveExtractorTest {

    @TempDir
    Path work;

    private final ArchiveExtractor extractor = new ArchiveExtractor();

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void stripsTheGoDirectoryAndKeepsExecuteBitsFromTarModes() throws IOException {
        assumeTrue(posix(), "execute bits exist only on POSIX file systems");
        Path sdk = work.resolve("sdk");

        extractor.extract(TestArchives.goTarGz(work), sdk);

        assertThat(sdk.resolve("bin/go")).hasContent(TestArchives.GO_SCRIPT.strip());
        assertThat(Files.isExecutable(sdk.resolve("bin/go"))).isTrue();
        assertThat(Files.isExecutable(sdk.resolve("pkg/tool/linux_amd64/compile")))
                .isTrue();
        assertThat(Files.isExecutable(sdk.resolve("src/fmt/print.go"))).isFalse();
        assertThat(sdk.resolve("go")).doesNotExist();
    }

    @Test
    void aTarballInAnotherFormatIsReadByTheCompressionTheCallerBrings() throws IOException {
        Path renamed = Files.move(TestArchives.goTarGz(work), work.resolve("go1.22.5.linux-amd64.tar.other"));
        TarCompression other = new TarCompression(List.of(".tar.other"), GZIPInputStream::new);

        assertThatThrownBy(() -> extractor.extract(renamed, work.resolve("refused")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("only .tar.gz, .tgz and .zip archives are supported");
        extractor.extract(renamed, work.resolve("sdk"), ArchiveLayout.GO_DISTRIBUTION, other);

        assertThat(work.resolve("sdk/bin/go")).hasContent(TestArchives.GO_SCRIPT.strip());
    }

    @Test
    void createsSymbolicLinksThatStayInside() throws IOException {
        Path sdk = work.resolve("sdk");

        extractor.extract(TestArchives.goTarGz(work), sdk);

        Path link = sdk.resolve("misc/VERSION.link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).hasToString("../VERSION");
        assertThat(Files.readString(link)).startsWith("go1.22.5");
    }

    @Test
    void devicesFifosAndSparseFilesAreRefusedAndNothingIsLeft() throws IOException {
        Map<String, TestArchives.Tar> archives = Map.of(
                "is a device or FIFO", new TestArchives.Tar().special("go/dev/fifo", TarConstants.LF_FIFO),
                "is a device or FIFO, which", new TestArchives.Tar().special("go/dev/tty", TarConstants.LF_CHR),
                "is a sparse file", new TestArchives.Tar().sparse("go/bin/sparse"));
        for (Map.Entry<String, TestArchives.Tar> entry : archives.entrySet()) {
            Path archive = entry.getValue()
                    .file("go/bin/go", "binary", 0755)
                    .writeTo(work.resolve("special-" + entry.getKey().length() + ".tar.gz"));
            Path sdk = work.resolve("sdk-" + entry.getKey().length());
            assertThatThrownBy(() -> extractor.extract(archive, sdk))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageContaining(entry.getKey())
                    .hasMessageContaining("Nothing was installed");
            assertThat(sdk).doesNotExist();
        }
    }

    @Test
    void anArchiveThatExtractsToFarMoreThanAnySdkIsRefusedBeforeItFillsTheDisk() throws IOException {
        Path archive = new TestArchives.Tar()
                .file("go/bin/go", "x".repeat(600), 0755)
                .file("go/bin/gofmt", "y".repeat(600), 0755)
                .writeTo(work.resolve("bomb.tar.gz"));
        Path sdk = work.resolve("sdk");
        assertThatThrownBy(() -> new ArchiveExtractor(1000).extract(archive, sdk))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("extracts to more than")
                .hasMessageContaining("several times any Go SDK");
        assertThat(sdk).doesNotExist();
        assertThat(ArchiveExtractor.MAX_EXTRACTED_BYTES).isGreaterThanOrEqualTo(1L << 30);
    }

    @Test
    void copiesHardLinksToEarlierFiles() throws IOException {
        Path archive = new TestArchives.Tar()
                .file("go/bin/go", "binary", 0755)
                .hardLink("go/bin/go-copy", "go/bin/go")
                .writeTo(work.resolve("hard.tar.gz"));
        Path sdk = work.resolve("sdk");

        extractor.extract(archive, sdk);

        assertThat(sdk.resolve("bin/go-copy")).hasContent("binary");
    }

    @Test
    void makesToolsExecutableInZipsWithoutModes() throws IOException {
        assumeTrue(posix(), "execute bits exist only on POSIX file systems");
        Path archive = new TestArchives.Zip()
                .file("go/bin/go.exe", "MZ")
                .file("go/pkg/tool/windows_amd64/compile.exe", "MZ")
                .file("go/src/fmt/print.go", "package fmt\n")
                .writeTo(work.resolve("go1.22.5.windows-amd64.zip"));
        Path sdk = work.resolve("sdk");

        extractor.extract(archive, sdk);

        assertThat(sdk.resolve("bin/go.exe")).hasContent("MZ");
        assertThat(Files.isExecutable(sdk.resolve("bin/go.exe"))).isTrue();
        assertThat(Files.isExecutable(sdk.resolve("pkg/tool/windows_amd64/compile.exe")))
                .isTrue();
        assertThat(Files.isExecutable(sdk.resolve("src/fmt/print.go"))).isFalse();
    }

    @Test
    void streamsLargeFilesCompletely() throws IOException {
        String large = "0123456789abcdef".repeat(200_000);
        Path archive = new TestArchives.Tar()
                .file("go/pkg/tool/linux_amd64/link", large, 0755)
                .file("go/bin/go", "small", 0755)
                .writeTo(work.resolve("large.tar.gz"));
        Path sdk = work.resolve("sdk");

        extractor.extract(archive, sdk);

        assertThat(Files.readString(sdk.resolve("pkg/tool/linux_amd64/link"))).isEqualTo(large);
        assertThat(sdk.resolve("bin/go")).hasContent("small");
    }

    @Test
    void refusesAnEntryThatAppearsTwice() throws IOException {
        Path archive = new TestArchives.Tar()
                .file("go/bin/go", "real", 0755)
                .file("go/bin/go", "replacement", 0755)
                .writeTo(work.resolve("twice.tar.gz"));
        Path sdk = work.resolve("sdk");

        assertThatThrownBy(() -> extractor.extract(archive, sdk))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("'bin/go' twice")
                .hasMessageContaining("Nothing was installed");
        assertThat(sdk).doesNotExist();
    }

    static Stream<Arguments> unsafeTars() {
        return Stream.of(
                Arguments.of(
                        "dot-dot entry",
                        new TestArchives.Tar().file("go/bin/go", "x", 0755).file("go/../escaped", "evil", 0644),
                        "go/../escaped"),
                Arguments.of(
                        "absolute entry",
                        new TestArchives.Tar().file("/tmp/gomvn-absolute-escape", "evil", 0644),
                        "/tmp/gomvn-absolute-escape"),
                Arguments.of(
                        "entry outside go/",
                        new TestArchives.Tar().file("go/bin/go", "x", 0755).file("other/file", "evil", 0644),
                        "other/file"),
                Arguments.of(
                        "symlink to /etc/passwd",
                        new TestArchives.Tar().symlink("go/passwd", "/etc/passwd"),
                        "go/passwd"),
                Arguments.of(
                        "symlink climbing out", new TestArchives.Tar().symlink("go/misc/up", "../../x"), "go/misc/up"),
                Arguments.of(
                        "chain of links climbing out",
                        new TestArchives.Tar()
                                .directory("go/a/")
                                .symlink("go/a/up", "../self/..")
                                .symlink("go/self", "."),
                        "go/a/up"),
                Arguments.of(
                        "hard link outside",
                        new TestArchives.Tar().hardLink("go/bin/go", "../../../etc/passwd"),
                        "go/bin/go"),
                Arguments.of(
                        "absolute hard link",
                        new TestArchives.Tar().hardLink("go/bin/go", "/etc/passwd"),
                        "go/bin/go"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeTars")
    void refusesUnsafeTarEntriesAndLeavesNothing(String description, TestArchives.Tar tar, String entry)
            throws IOException {
        Path archive = tar.writeTo(work.resolve("evil.tar.gz"));
        Path sdk = work.resolve("cache/sdk");

        assertThatThrownBy(() -> extractor.extract(archive, sdk))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(archive.toString())
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining("unsafe")
                .hasMessageContaining("Nothing was installed");
        assertThat(sdk).doesNotExist();
        assertThat(work.resolve("cache/escaped")).doesNotExist();
        assertThat(Path.of("/tmp/gomvn-absolute-escape")).doesNotExist();
    }

    @Test
    void installsAToolchainModuleZipAsTheGoCommandDoes() throws IOException {
        assumeTrue(posix(), "execute bits exist only on POSIX file systems");
        String prefix = "golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/";
        Path archive = new TestArchives.Zip()
                .file(prefix + "bin/go", "#!/bin/sh\n")
                .file(prefix + "pkg/tool/linux_amd64/compile", "ELF")
                .file(prefix + "lib/wasm/go_js_wasm_exec", "#!/bin/sh\n")
                .file(prefix + "src/_go.mod", "module std\n")
                .file(prefix + "src/cmd/_go.mod", "module cmd\n")
                .file(prefix + "src/fmt/print.go", "package fmt\n")
                .writeTo(work.resolve("v0.0.1-go1.22.5.linux-amd64.zip"));
        Path sdk = work.resolve("sdk");

        extractor.extract(
                archive, sdk, ArchiveLayout.toolchainModule("golang.org/toolchain", "v0.0.1-go1.22.5.linux-amd64"));

        assertThat(sdk.resolve("src/go.mod")).hasContent("module std");
        assertThat(sdk.resolve("src/cmd/go.mod")).hasContent("module cmd");
        assertThat(sdk.resolve("src/_go.mod")).doesNotExist();
        assertThat(Files.isExecutable(sdk.resolve("bin/go"))).isTrue();
        assertThat(Files.isExecutable(sdk.resolve("pkg/tool/linux_amd64/compile")))
                .isTrue();
        assertThat(Files.isExecutable(sdk.resolve("lib/wasm/go_js_wasm_exec"))).isTrue();
        assertThat(Files.isExecutable(sdk.resolve("src/fmt/print.go"))).isFalse();
    }

    @Test
    void refusesModuleZipEntriesOutsideTheModulePrefixAndLinks() throws IOException {
        ArchiveLayout layout = ArchiveLayout.toolchainModule("golang.org/toolchain", "v0.0.1-go1.22.5.linux-amd64");
        Path outside = new TestArchives.Zip()
                .file("golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/bin/go", "#!/bin/sh\n")
                .file("golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64/bin/go", "#!/bin/sh\n")
                .writeTo(work.resolve("outside.zip"));
        assertThatThrownBy(() -> extractor.extract(outside, work.resolve("sdk1"), layout))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(
                        "is not under the top directory 'golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/'");

        Path link = new TestArchives.Zip()
                .unixSymlink("golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64/bin/go", "../../../../etc/passwd")
                .writeTo(work.resolve("link.zip"));
        assertThatThrownBy(() -> extractor.extract(link, work.resolve("sdk2"), layout))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is a symbolic link, which a module zip never holds");
        assertThat(work.resolve("sdk1")).doesNotExist();
        assertThat(work.resolve("sdk2")).doesNotExist();
    }

    @Test
    void refusesZipSlip() throws IOException {
        Path archive = new TestArchives.Zip()
                .file("go/bin/go.exe", "MZ")
                .file("go/../../zip-escaped", "evil")
                .writeTo(work.resolve("evil.zip"));
        Path sdk = work.resolve("cache/sdk");

        assertThatThrownBy(() -> extractor.extract(archive, sdk))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("'go/../../zip-escaped'");
        assertThat(sdk).doesNotExist();
        assertThat(work.resolve("zip-escaped")).doesNotExist();
    }

    @Test
    void refusesZipSymlinkOutside() throws IOException {
        Path archive =
                new TestArchives.Zip().unixSymlink("go/bin/go", "/etc/passwd").writeTo(work.resolve("evil.zip"));
        Path sdk = work.resolve("sdk");

        assertThatThrownBy(() -> extractor.extract(archive, sdk))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("'go/bin/go'")
                .hasMessageContaining("/etc/passwd");
        assertThat(sdk).doesNotExist();
    }

    @Test
    void truncatedArchiveFailsAndLeavesNothing() throws IOException {
        Path complete = TestArchives.goTarGz(work);
        byte[] bytes = Files.readAllBytes(complete);
        Path truncated =
                Files.write(work.resolve("truncated.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path sdk = work.resolve("sdk");

        assertThatThrownBy(() -> extractor.extract(truncated, sdk))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("truncated.tar.gz")
                .hasMessageContaining("nothing was installed");
        assertThat(sdk).doesNotExist();
    }
}
