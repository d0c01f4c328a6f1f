package dev.gomvn.core.gotest;

import java.util.ArrayList;
import java.util.List;

/** One test or subtest ({@code TestTable/negative}) of one package, with its own output only. */
public final class TestCaseResult {
    public enum Status {
        RUNNING,
        PASSED,
        FAILED,
        SKIPPED,
        ERROR
    }

    private final String name;
    private final List<String> output = new ArrayList<>();
    private Status status = Status.RUNNING;
    private double seconds;

    TestCaseResult(String name) {
        this.name = name;
    }

    void output(String text) {
        output.add(text);
    }

    void finish(Status result, double elapsedSeconds) {
        this.status = result;
        this.seconds = elapsedSeconds;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public double seconds() {
        return seconds;
    }

    public String output() {
        return String.join("", output);
    }

    /**
     * What the test itself said, without go test's {@code === RUN} / {@code --- FAIL} framing: the
     * failure message or the skip reason a reader wants first.
     */
    public String message() {
        StringBuilder message = new StringBuilder();
        for (String line : output) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("=== ") || trimmed.startsWith("--- ")) {
                continue;
            }
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(trimmed);
        }
        return message.toString();
    }
}
