package dev.gomvn.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionTest {

    /** Go's own table, src/internal/gover/gover_test.go compareTests (the valid rows). */
    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({
        "1, 1.1, -1",
        "1.5, 1.6, -1",
        "1.5, 1.10, -1",
        "1.6, 1.6.1, -1",
        "1.19, 1.19.0, 0",
        "1.19rc1, 1.19, -1",
        "1.20, 1.20.0, 0",
        "1.20rc1, 1.20, -1",
        "1.21, 1.21.0, -1",
        "1.21, 1.21rc1, -1",
        "1.21rc1, 1.21.0, -1",
        "1.6, 1.19, -1",
        "1.19, 1.19.1, -1",
        "1.19rc1, 1.19.1, -1",
        "1.19rc1, 1.19rc2, -1",
        "1.19.0, 1.19.1, -1",
        "1.19rc1, 1.19.0, -1",
        "1.19alpha3, 1.19beta2, -1",
        "1.19beta2, 1.19rc1, -1",
        "1.1, 1.99999999999999998, -1",
        "1.99999999999999998, 1.99999999999999999, -1",
    })
    void ordersLikeGo(String left, String right, int expected) {
        GoVersion x = GoVersion.parse(left);
        GoVersion y = GoVersion.parse(right);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(expected);
        assertThat(Integer.signum(y.compareTo(x))).isEqualTo(-expected);
    }

    @Test
    void theDocumentedChainHolds() {
        assertThat(GoVersion.parse("1.21")).isLessThan(GoVersion.parse("1.21rc1"));
        assertThat(GoVersion.parse("1.21rc1")).isLessThan(GoVersion.parse("1.21rc2"));
        assertThat(GoVersion.parse("1.21rc2")).isLessThan(GoVersion.parse("1.21.0"));
        assertThat(GoVersion.parse("1.21.0")).isLessThan(GoVersion.parse("1.21.1"));
        assertThat(GoVersion.parse("1.21.1")).isLessThan(GoVersion.parse("1.22"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.22.5, 1.22.5",
        "go1.22.5, 1.22.5",
        "1.23rc1, 1.23rc1",
        "go1.18beta1, 1.18beta1",
        "go1.20, 1.20",
        "1.21, 1.21",
        "go1.21.0-custom, 1.21.0",
        "go1.22.5 X:boringcrypto, 1.22.5",
    })
    void parsesEveryFormGoPrints(String text, String canonical) {
        assertThat(GoVersion.parse(text)).hasToString(canonical);
    }

    @Test
    void suffixesDoNotTakePartInOrdering() {
        assertThat(GoVersion.parse("go1.22.5 X:boringcrypto")).isEqualByComparingTo(GoVersion.parse("1.22.5"));
    }

    @Test
    void developmentBuildsAreNewest() {
        GoVersion devel = GoVersion.parse("devel go1.25-abcdef0123 Tue Jan 1 00:00:00 2025 +0000");
        assertThat(devel.isDevel()).isTrue();
        assertThat(devel.isStable()).isFalse();
        assertThat(devel).isGreaterThan(GoVersion.parse("1.99.9"));
    }

    @Test
    void parsesGoVersionLines() {
        GoVersionOutput release = GoVersion.fromGoVersionOutput("go version go1.22.5 linux/amd64");
        assertThat(release.version()).hasToString("1.22.5");
        assertThat(release.goos()).isEqualTo("linux");
        assertThat(release.goarch()).isEqualTo("amd64");

        GoVersionOutput boring = GoVersion.fromGoVersionOutput("go version go1.22.5 X:boringcrypto darwin/arm64");
        assertThat(boring.version()).hasToString("1.22.5");
        assertThat(boring.goarch()).isEqualTo("arm64");

        GoVersionOutput devel = GoVersion.fromGoVersionOutput(
                "go version devel go1.25-1a2b3c4d Tue Jan 7 10:00:00 2025 +0000 windows/amd64");
        assertThat(devel.version().isDevel()).isTrue();
        assertThat(devel.goos()).isEqualTo("windows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2x", "", "x", "1.21.0rc1", "v1.22.5", "1..2", "1.22.5.1", "01.2"})
    void rejectsWhatIsNotAVersionNamingTheParameter(String text) {
        assertThatThrownBy(() -> GoVersion.parse(text, "go.version"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<version> (go.version)")
                .hasMessageContaining("use a form like 1.22.5");
    }

    @Test
    void languageVersionsAndMinimumToolchains() {
        assertThat(GoVersion.parse("1.22").isLanguageVersion()).isTrue();
        assertThat(GoVersion.parse("1.22").minimumToolchain()).hasToString("1.22.0");
        assertThat(GoVersion.parse("1.20").isLanguageVersion()).isFalse();
        assertThat(GoVersion.parse("1.20").minimumToolchain()).hasToString("1.20");
        assertThat(GoVersion.parse("1.22.5").languageVersion()).isEqualTo("1.22");
        assertThat(GoVersion.parse("1.23rc1").isStable()).isFalse();
        assertThat(GoVersion.parse("1.22.5").withGoPrefix()).isEqualTo("go1.22.5");
        assertThat(GoVersion.parse("1.20").withGoPrefix()).isEqualTo("go1.20");
    }
}
