package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import org.junit.jupiter.api.Test;

class BuildParallelismTest {
    static final int CORES = Runtime.getRuntime().availableProcessors();

    int targetsAtOnce(int parallelism) {
        BuildMojo goal = new BuildMojo();
        goal.parallelism = parallelism;
        return goal.targetsAtOnce();
    }

    @Test
    void whatTheUserSetsWinsAndZeroIsOnePerCore() {
        assertThat(targetsAtOnce(1)).isEqualTo(1);
        assertThat(targetsAtOnce(3)).isEqualTo(3);
        assertThat(targetsAtOnce(0)).isEqualTo(CORES);
    }

    @Test
    void aNegativeNumberNamesTheParameter() {
        assertThatThrownBy(() -> targetsAtOnce(-2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<parallelism> (go.parallelism) is -2; use a number of targets to build at once, or 0 for"
                        + " one per core.");
    }
}
