package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformKeyTest {
    @Test
    void oneKeyManySpellingsAccepted() {
        Platform arm = new Platform("linux", "arm");
        assertThat(arm.key()).isEqualTo("linux-arm");
        assertThat(arm.isNamedBy("linux-arm")).isTrue();
        assertThat(arm.isNamedBy("linux_arm")).isTrue();
        assertThat(arm.isNamedBy("linux/arm")).isTrue();
        assertThat(arm.isNamedBy("linux-armv6l"))
                .as("go.dev's archive spelling")
                .isTrue();
        assertThat(arm.isNamedBy("linux-arm64")).isFalse();
        assertThat(new Platform("darwin", "arm64").isNamedBy(" darwin_arm64 ")).isTrue();
    }
}
