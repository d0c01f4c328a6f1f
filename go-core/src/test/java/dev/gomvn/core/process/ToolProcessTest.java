package dev.gomvn.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.signing.SigningKeyFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Programs other than go: never the signing passphrase, both output streams, the exit code, the time limit. */
@DisabledOnOs(OS.WINDOWS)
class ToolProcessTest {
    static final List<String> SHOW_PASSPHRASE = List.of(
            "sh", "-c", "echo \"passphrase=[$" + SigningKeyFile.PASSPHRASE_VARIABLE + "]\"; echo err >&2; exit 3");

    @Test
    void aGivenEnvironmentLosesThePassphraseAndOutputAndExitCodeArrive() throws Exception {
        ToolProcess.Output output = ToolProcess.run(
                ToolProcess.builder(
                        SHOW_PASSPHRASE,
                        Map.of(SigningKeyFile.PASSPHRASE_VARIABLE, "s3cret-passphrase", "PATH", System.getenv("PATH"))),
                Duration.ofSeconds(30));

        assertThat(output.text()).isEqualTo("passphrase=[]\nerr\n");
        assertThat(output.exitCode()).isEqualTo(3);
    }

    @Test
    void anInheritedEnvironmentLosesThePassphrase() {
        ProcessBuilder builder = ToolProcess.builder(SHOW_PASSPHRASE);

        assertThat(builder.environment()).doesNotContainKey(SigningKeyFile.PASSPHRASE_VARIABLE);
        assertThat(builder.environment()).containsKey("PATH");
    }

    @Test
    void aProgramThatOutlivesTheLimitIsKilled() throws Exception {
        long started = System.nanoTime();
        ToolProcess.Output output = ToolProcess.run(
                ToolProcess.builder(List.of("sh", "-c", "exec >/dev/null 2>&1; sleep 30")), Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(output.exitCode()).isNotZero();
    }
}
