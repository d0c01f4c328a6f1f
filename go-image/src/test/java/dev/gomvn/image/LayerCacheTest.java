package dev.gomvn.image;

import static dev.gomvn.image.ImageTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {
    private static final String UNCHANGED = ", the binaries unchanged since the last go:image)";

    @TempDir
    Path temp;

    private final ImageTestSupport.Lines log = new ImageTestSupport.Lines();

    /** One go:image run over the binaries in temp/bin into temp/image, as a rebuild of the same project does. */
    private AssembledImage packAgain() {
        ImageAssembler assembler = new ImageAssembler(log);
        return assembler.assemble(
                assembler.select(TargetBinaries.read(temp.resolve("bin")), List.of()),
                BaseImage.scratch(),
                settings(),
                temp.resolve("image"));
    }

    private List<String> imageLines() {
        return log.lines.stream().filter(line -> line.startsWith("Image for ")).toList();
    }

    private List<Path> cached() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("image/layer-cache"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void unchangedBinariesTakeTheirLayersFromTheLastImageWithTheSameDigest() throws IOException {
        FakeBinaries.write(temp.resolve("bin"), "linux_amd64/manager", "linux_arm64/manager");
        AssembledImage first = packAgain();
        byte[] firstTar = Files.readAllBytes(first.tar());
        assertThat(imageLines()).hasSize(2).noneMatch(line -> line.endsWith(UNCHANGED));
        log.lines.clear();

        AssembledImage second = packAgain();

        assertThat(imageLines()).hasSize(2).allMatch(line -> line.endsWith(UNCHANGED));
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(Files.readAllBytes(second.tar())).isEqualTo(firstTar);
    }

    @Test
    void aChangedBinaryIsPackedAgainAndOnlyTheLastImagesLayersStay() throws IOException {
        FakeBinaries.write(temp.resolve("bin"), "linux_amd64/manager");
        AssembledImage first = packAgain();
        List<Path> firstCache = cached();
        log.lines.clear();

        FakeBinaries.write(temp.resolve("bin"), "linux_amd64/manager-v2");
        AssembledImage second = packAgain();

        assertThat(imageLines()).singleElement().matches(line -> !line.endsWith(UNCHANGED));
        assertThat(second.digest()).isNotEqualTo(first.digest());
        assertThat(cached()).hasSize(2).doesNotContainAnyElementsOf(firstCache);
    }

    @Test
    void aDamagedCachedLayerIsWrittenAgainNeverUsed() throws IOException {
        FakeBinaries.write(temp.resolve("bin"), "linux_amd64/manager");
        AssembledImage first = packAgain();
        Path layer = cached().stream()
                .filter(file -> file.toString().endsWith(".tar.gz"))
                .findFirst()
                .orElseThrow();
        Files.write(layer, new byte[] {1, 2, 3});
        log.lines.clear();

        AssembledImage second = packAgain();

        assertThat(imageLines()).singleElement().matches(line -> !line.endsWith(UNCHANGED));
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(Files.size(layer)).isGreaterThan(3);
    }
}
