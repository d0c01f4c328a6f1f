package dev.gomvn.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirectoryTest {
    private final CacheDirectory cache = new CacheDirectory(Path.of("/ci/cache/go"));

    @Test
    void bothCachesGoUnderTheOneDirectory() {
        assertThat(cache.applyTo(Map.of("HOME", "/home/ci")))
                .containsEntry("GOCACHE", "/ci/cache/go/go-build")
                .containsEntry("GOMODCACHE", "/ci/cache/go/mod")
                .containsEntry("HOME", "/home/ci");
    }

    @Test
    void anExplicitVariableWinsOverTheDirectory() {
        assertThat(cache.applyTo(Map.of("GOMODCACHE", "/shared/mod")))
                .containsEntry("GOCACHE", "/ci/cache/go/go-build")
                .containsEntry("GOMODCACHE", "/shared/mod");
    }

    @Test
    void anEmptyVariableIsNotAChoiceAsForGo() {
        assertThat(cache.applyTo(Map.of("GOCACHE", ""))).containsEntry("GOCACHE", "/ci/cache/go/go-build");
    }

    @Test
    void goRejectsRelativeCachePathsSoTheDirectoryMustBeAbsolute() {
        assertThatThrownBy(() -> new CacheDirectory(Path.of("cache"))).isInstanceOf(IllegalArgumentException.class);
    }
}
