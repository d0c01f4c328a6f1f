package dev.gomvn.core.buildcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheStatisticsTest {
    @TempDir
    Path run;

    @Test
    void anActionAskedForByGoListAndGoBuildCountsOnceAtItsBestOutcome() throws IOException {
        // go list saw a miss for a2 and a store hit for a1; go build then found a1 locally and built a2.
        Files.writeString(run.resolve("stats-1-aa.txt"), "get a1 store\nget a2 miss\ndown 2048\nup 0\n");
        Files.writeString(
                run.resolve("stats-2-bb.txt"), "get a1 local\nget a2 miss\nget a3 local\ndown 0\nup 1048576\n");
        Files.writeString(run.resolve("store-failed"), "ignored here\n");

        BuildCacheStatistics statistics = BuildCacheStatistics.read(run).orElseThrow();

        assertThat(statistics.storeHits()).isEqualTo(1);
        assertThat(statistics.localHits()).isEqualTo(1);
        assertThat(statistics.misses()).isEqualTo(1);
        assertThat(statistics.describe())
                .isEqualTo("2 hits (1 from the store, 1 local), 1 miss, 2.0 KiB down, 1.0 MiB up");
    }

    @Test
    void corruptAndRefusedEntriesAreListedAndUnknownLinesLeftOut() throws IOException {
        Files.writeString(
                run.resolve("stats-1-aa.txt"), "corrupt v1/o/abc\ntoolarge v1/o/def 42\nfuture 1 2\ndown 0\nup 0\n");
        BuildCacheStatistics statistics = BuildCacheStatistics.read(run).orElseThrow();
        assertThat(statistics.corrupt()).containsExactly("v1/o/abc");
        assertThat(statistics.refusedSizes()).containsExactly(42L);
        assertThat(statistics.describe())
                .isEqualTo("0 hits (0 from the store, 0 local), 0 misses, 0 bytes down, 0 bytes up");
    }

    @Test
    void nothingWhenNoGoProcessUsedTheCache() {
        assertThat(BuildCacheStatistics.read(run)).isEmpty();
        assertThat(BuildCacheStatistics.read(run.resolve("never-created"))).isEmpty();
    }
}
