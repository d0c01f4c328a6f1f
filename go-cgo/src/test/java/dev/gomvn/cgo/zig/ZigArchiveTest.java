package dev.gomvn.cgo.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import org.junit.jupiter.api.Test;

/** ziglang.org's names since 0.14.1: zig-<arch>-<os>-<version>, arch first. */
class ZigArchiveTest {

    @Test
    void goPlatformsAreSpelledAsZigNamesItsDownloads() {
        assertThat(ZigArchive.of(new Platform("linux", "amd64"), "0.17.1").fileName())
                .isEqualTo("zig-x86_64-linux-0.17.1.tar.xz");
        assertThat(ZigArchive.of(new Platform("darwin", "arm64"), "0.17.1").fileName())
                .isEqualTo("zig-aarch64-macos-0.17.1.tar.xz");
        assertThat(ZigArchive.of(new Platform("windows", "amd64"), "0.17.1").fileName())
                .isEqualTo("zig-x86_64-windows-0.17.1.zip");
        assertThat(ZigArchive.of(new Platform("linux", "ppc64le"), "0.17.1").topDirectory())
                .isEqualTo("zig-powerpc64le-linux-0.17.1");
        assertThat(ZigArchive.of(new Platform("freebsd", "386"), "0.15.0-dev.1+abc")
                        .fileName())
                .isEqualTo("zig-x86-freebsd-0.15.0-dev.1+abc.tar.xz");
        assertThat(ZigArchive.of(new Platform("linux", "loong64"), "0.17.1").arch())
                .isEqualTo("loongarch64");
    }

    @Test
    void aHostZigIsNotPublishedForIsAConfigurationError() {
        assertThatThrownBy(() -> ZigArchive.of(new Platform("openbsd", "amd64"), "0.17.1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("This build runs on openbsd/amd64, for which ziglang.org publishes no Zig")
                .hasMessageContaining("Set CC in <environment>");
    }
}
