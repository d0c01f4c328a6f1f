package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReproducibleTimestampTest {

    @Test
    void sourceDateEpochWinsOverTheOutputTimestamp() {
        assertThat(ReproducibleTimestamp.resolve("1714557600", "2020-01-01T00:00:00Z"))
                .contains(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void mavensOutputTimestampIsReadAsIsoOrSeconds() {
        assertThat(ReproducibleTimestamp.resolve(null, "2024-05-01T12:00:00+02:00"))
                .contains(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(ReproducibleTimestamp.resolve("", "1714557600")).contains(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void withoutEitherOrWithMavensDisabledValueThereIsNoTimestamp() {
        assertThat(ReproducibleTimestamp.resolve(null, null)).isEmpty();
        assertThat(ReproducibleTimestamp.resolve(" ", "a")).isEmpty();
    }

    @Test
    void aMalformedValueNamesWhereItCameFrom() {
        assertThatThrownBy(() -> ReproducibleTimestamp.resolve(null, "yesterday"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<project.build.outputTimestamp> is 'yesterday'")
                .hasMessageContaining("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> ReproducibleTimestamp.resolve("2024-05-01", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH is '2024-05-01'");
    }
}
