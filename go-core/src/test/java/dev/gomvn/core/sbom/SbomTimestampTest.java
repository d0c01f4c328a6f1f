package dev.gomvn.core.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SbomTimestampTest {

    @Test
    void sourceDateEpochWinsOverTheOutputTimestamp() {
        assertThat(SbomTimestamp.resolve("1714557600", "2020-01-01T00:00:00Z"))
                .contains(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void mavensOutputTimestampIsReadAsIsoOrSeconds() {
        assertThat(SbomTimestamp.resolve(null, "2024-05-01T12:00:00+02:00"))
                .contains(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(SbomTimestamp.resolve("", "1714557600")).contains(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void withoutEitherOrWithMavensDisabledValueThereIsNoTimestamp() {
        assertThat(SbomTimestamp.resolve(null, null)).isEmpty();
        assertThat(SbomTimestamp.resolve(" ", "a")).isEmpty();
    }

    @Test
    void aMalformedValueNamesWhereItCameFrom() {
        assertThatThrownBy(() -> SbomTimestamp.resolve(null, "yesterday"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<project.build.outputTimestamp> is 'yesterday'")
                .hasMessageContaining("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> SbomTimestamp.resolve("2024-05-01", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH is '2024-05-01'");
    }
}
