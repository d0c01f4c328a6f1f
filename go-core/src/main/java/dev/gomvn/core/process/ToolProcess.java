package dev.gomvn.core.process;

import dev.gomvn.core.signing.SigningKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How gomvn starts a program other than go (a C compiler, Zig, git, a Docker credential helper): with an environment
 * that holds none of gomvn's own secrets. Each of these may run the project's code (a compiler wrapper, git's
 * {@code core.fsmonitor}) or is a helper with no business with them. {@link GoCommand} drops the same secrets.
 */
public final class ToolProcess {
    private ToolProcess() {}

    /** The variables only gomvn itself reads: the signing key's passphrase. */
    static void removeSecrets(Map<String, String> environment) {
        environment.remove(SigningKeyFile.PASSPHRASE_VARIABLE);
    }

    /** A process in Maven's environment, without gomvn's secrets. */
    public static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        removeSecrets(builder.environment());
        return builder;
    }

    /** A process in exactly {@code environment}, without gomvn's secrets. */
    public static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        removeSecrets(builder.environment());
        return builder;
    }

    /**
     * What a program printed (standard output and error together) and its exit code.
     *
     * @param exitCode its exit code; that of a process killed after the time limit when it ran longer
     */
    public record Output(int exitCode, String text) {}

    /** Runs {@code builder}'s program with no input, reads all it prints, and kills it if it outlives {@code limit}. */
    public static Output run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Output(process.exitValue(), text);
    }
}
