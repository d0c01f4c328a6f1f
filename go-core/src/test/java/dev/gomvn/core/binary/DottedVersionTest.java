package dev.gomvn.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DottedVersionTest {
    @Test
    void versionsCompareNumberByNumberNotAsText() {
        List<String> ordered = List.of("2.2.5", "2.3", "2.9", "2.17", "2.28", "2.34");

        assertThat(ordered.stream()
                        .map(version -> DottedVersion.parse(version).orElseThrow())
                        .sorted()
                        .map(DottedVersion::toString)
                        .toList())
                .isEqualTo(ordered);
        assertThat(DottedVersion.parse("2.28").orElseThrow())
                .isEqualByComparingTo(DottedVersion.parse("2.28.0").orElseThrow());
    }

    @Test
    void glibcsPrivateAndAbiTagsAreNotVersions() {
        assertThat(DottedVersion.parse("PRIVATE")).isEmpty();
        assertThat(DottedVersion.parse("ABI_DT_RELR")).isEmpty();
        assertThat(DottedVersion.parse("2.")).isEmpty();
    }

    @Test
    void aFloorThatIsNoVersionIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> new RuntimeFloor(Optional.of("2.28-el8"), false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<glibc>2.28-el8</glibc> is not a glibc version");
    }
}
