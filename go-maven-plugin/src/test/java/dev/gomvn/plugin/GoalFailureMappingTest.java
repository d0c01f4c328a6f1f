package dev.gomvn.plugin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import java.nio.file.InvalidPathException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The project's mistakes fail the build (MojoFailureException); a machine that lets it down is an error. */
class GoalFailureMappingTest {

    /** A goal whose work is given by the test. */
    static final class ProbeGoal extends AbstractToolchainMojo {
        RuntimeException failure;

        @Override
        void run() {
            throw failure;
        }
    }

    private static ProbeGoal failingWith(RuntimeException failure) {
        ProbeGoal goal = new ProbeGoal();
        goal.failure = failure;
        return goal;
    }

    @Test
    void configurationMistakesFailTheBuildAndBrokenEnvironmentsAreErrors() {
        assertThatThrownBy(() -> failingWith(new ConfigurationException("go.version", "<version> (go.version) is bad."))
                        .execute())
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("<version> (go.version) is bad.");
        assertThatThrownBy(() -> failingWith(new EnvironmentException("Could not start go."))
                        .execute())
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("Could not start go.");
        assertThatThrownBy(() -> failingWith(new InvalidPathException("/work/caf\u00e9", "Malformed input"))
                        .execute())
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Run Maven with a UTF-8 locale");
    }

    @Test
    void skipRunsNothing() throws Exception {
        ProbeGoal goal = failingWith(new IllegalStateException("must not run"));
        goal.skip = true;
        goal.setLog(new org.apache.maven.plugin.logging.SystemStreamLog());
        goal.execute();
    }
}
