package dev.gomvn.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "[1.22,1.24); 1.22rc1; true",
                "[1.22,1.24); 1.22.0; true",
                "[1.22,1.24); 1.23.9; true",
                "[1.22,1.24); 1.24rc1; false",
                "[1.22,1.24); 1.24.0; false",
                "[1.22,1.24); 1.21.13; false",
                "(,1.23]; 1.23; true",
                "(,1.23]; 1.23rc1; false",
                "(,1.23]; 1.22.9; true",
                "[1.21.0,1.21.9],[1.22.3,); 1.21.5; true",
                "[1.21.0,1.21.9],[1.22.3,); 1.22.1; false",
                "[1.21.0,1.21.9],[1.22.3,); 1.26.8; true",
                "[1.22.5]; 1.22.5; true",
                "[1.22.5]; 1.22.6; false",
                "1.22; 1.22rc1; true",
                "1.22; 1.22.0; true",
                "1.22; 1.21.13; false",
                "1.22; 1.30.0; true",
                "1.22.x; 1.22.0; true",
                "1.22.x; 1.22.12; true",
                "1.22.x; 1.23rc1; false",
                "1.22.x; 1.23.0; false",
                "(1.21.0,1.22.0); 1.21.0; false",
                "(1.21.0,1.22.0); 1.21.1; true",
            })
    void comparesWithGoOrderingNotMavens(String spec, String version, boolean expected) {
        assertThat(GoVersionRange.parse(spec, "version").contains(GoVersion.parse(version)))
                .isEqualTo(expected);
    }

    @Test
    void onlyTheBracketFormIsExact() {
        assertThat(GoVersionRange.parse("[1.22.5]", "go.version").exactVersion())
                .map(Object::toString)
                .contains("1.22.5");
        assertThat(GoVersionRange.parse("1.22.5", "go.version").exactVersion()).isEmpty();
        assertThat(GoVersionRange.parse("[1.22,1.23)", "go.version").exactVersion())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1.22",
                "(1.24,1.22)",
                "[1.2x,)",
                "[,1.22]",
                "[1.22,1.24),",
                "1.22.5.x",
                "(1.22)",
                "[1.22,1.24)x"
            })
    void malformedRangesNameTheParameterAndShowAValidForm(String spec) {
        assertThatThrownBy(() -> GoVersionRange.parse(spec, "go.version"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<version> (go.version) '" + spec + "' is not a valid Go version range")
                .hasMessageContaining("[1.22,1.24)");
    }
}
