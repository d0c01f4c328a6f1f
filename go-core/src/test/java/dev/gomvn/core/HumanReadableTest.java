package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanReadableTest {

    @Test
    void shortDurationsInMillisecondsThenSecondsWithOneDecimal() {
        assertThat(HumanReadable.duration(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(HumanReadable.duration(Duration.ofMillis(820))).isEqualTo("820 ms");
        assertThat(HumanReadable.duration(Duration.ofMillis(1000))).isEqualTo("1 s");
        assertThat(HumanReadable.duration(Duration.ofMillis(12_340))).isEqualTo("12.3 s");
        assertThat(HumanReadable.duration(Duration.ofSeconds(30))).isEqualTo("30 s");
    }

    @Test
    void longDurationsInMinutesAndHoursNeverAsThousandsOfSeconds() {
        assertThat(HumanReadable.duration(Duration.ofMillis(59_960))).isEqualTo("1 min");
        assertThat(HumanReadable.duration(Duration.ofMillis(2_008_714))).isEqualTo("33 min 29 s");
        assertThat(HumanReadable.duration(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
        assertThat(HumanReadable.duration(Duration.ofMinutes(10))).isEqualTo("10 min");
        assertThat(HumanReadable.duration(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(HumanReadable.duration(Duration.ofMinutes(125).plusSeconds(10)))
                .isEqualTo("2 h 5 min");
    }

    @Test
    void sizesAreBinaryUnitsLabelledAsSuch() {
        assertThat(HumanReadable.size(1)).isEqualTo("1 byte");
        assertThat(HumanReadable.size(512)).isEqualTo("512 bytes");
        assertThat(HumanReadable.size(16 * 1024)).isEqualTo("16.0 KiB");
        assertThat(HumanReadable.size(5_347_737)).isEqualTo("5.1 MiB");
        assertThat(HumanReadable.size(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GiB");
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(HumanReadable.count(1, "verified binary", "verified binaries"))
                .isEqualTo("1 verified binary");
        assertThat(HumanReadable.count(2, "verified binary", "verified binaries"))
                .isEqualTo("2 verified binaries");
        assertThat(HumanReadable.count(0, "target", "targets")).isEqualTo("0 targets");
    }
}
