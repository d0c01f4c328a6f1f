package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import org.junit.jupiter.api.Test;

class BuildParallelismTest {
    static final int CORES = Runtime.getRuntime().availableProcessors();

    int targetsAtOnce(Integer parallelism, boolean sharedBuildCache) {
        BuildMojo goal = new BuildMojo();
        goal.parallelism = parallelism;
        return goal.targetsAtOnce(sharedBuildCache);
    }

    @Test
    void unsetItIsOneTargetAtATimeAndOnePerCoreWithASharedBuildCache() {
        assertThat(targetsAtOnce(null, false)).isEqualTo(1);
        assertThat(targetsAtOnce(null, true)).isEqualTo(CORES);
    }

    @Test
    void whatTheUserSetsWinsAndZeroIsOnePerCore() {
        assertThat(targetsAtOnce(1, true)).isEqualTo(1);
        assertThat(targetsAtOnce(3, false)).isEqualTo(3);
        assertThat(targetsAtOnce(0, false)).isEqualTo(CORES);
    }

    @Test
    void aNegativeNumberNamesTheParameter() {
        assertThatThrownBy(() -> targetsAtOnce(-2, false))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<parallelism> (go.parallelism) is -2; use a number of targets to build at once, or 0 for"
                        + " one per core.");
    }
}
