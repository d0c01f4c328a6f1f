package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhaseTimesTest {
    @Test
    void theWholeGoalComesFirstThenEachTargetInTheOrderItStartedEachPhaseSummedOverItsRuns() {
        PhaseTimes times = new PhaseTimes();
        times.add("linux/arm64", "fingerprint", 3_000_000);
        times.add(PhaseTimes.WHOLE_GOAL, "toolchain", 40_000_000);
        times.add("linux/arm64", "go build", 1_200_000_000);
        times.add("linux/amd64", "go build", 900_000_000);
        times.add("linux/arm64", "go build", 300_000_000);

        assertThat(times.lines())
                .containsExactly(
                        "whole goal: toolchain 40 ms",
                        "linux/arm64: fingerprint 3 ms, go build 1.5 s",
                        "linux/amd64: go build 900 ms");
        assertThat(times.of("linux/arm64", "go build")).isEqualTo(Duration.ofMillis(1500));
        assertThat(times.of("linux/amd64", "SBOM")).isZero();
    }

    @Test
    void aPhaseThatFailsStillCountsTheTimeItTook() {
        PhaseTimes times = new PhaseTimes();

        assertThatThrownBy(() -> times.time("linux/amd64", "go build", (Runnable) () -> {
                    sleep(20);
                    throw new IllegalStateException("exit code 1");
                }))
                .hasMessage("exit code 1");

        assertThat(times.of("linux/amd64", "go build")).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
