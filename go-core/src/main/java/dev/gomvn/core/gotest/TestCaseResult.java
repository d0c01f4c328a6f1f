package dev.gomvn.core.gotest;

import java.util.ArrayList;
import java.util.List;

/**
 * One test or subtest ({@code TestTable/negative}) of one package, with its own output only; or one
 * Ginkgo spec, whose message, failure type and details Ginkgo's own report states.
 */
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
    /** As a Ginkgo report states them; null for a go test, whose output says it all. */
    private String reportedMessage;

    private String reportedDetails;
    private String type = "go test";

    TestCaseResult(String name) {
        this.name = name;
    }

    /** A spec from a Ginkgo JUnit report. */
    static TestCaseResult spec(
            String name, Status status, double seconds, String message, String type, String details, String output) {
        TestCaseResult spec = new TestCaseResult(name);
        spec.finish(status, seconds);
        spec.reportedMessage = message;
        spec.reportedDetails = details;
        spec.type = type;
        spec.output(output);
        return spec;
    }

    /** This result under another name: Ginkgo allows two specs with the same text, a report does not. */
    TestCaseResult named(String newName) {
        if (newName.equals(name)) {
            return this;
        }
        TestCaseResult renamed = new TestCaseResult(newName);
        renamed.output.addAll(output);
        renamed.status = status;
        renamed.seconds = seconds;
        renamed.reportedMessage = reportedMessage;
        renamed.reportedDetails = reportedDetails;
        renamed.type = type;
        return renamed;
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

    /** What a failure element holds: the test's whole output, or the failure text of a Ginkgo spec. */
    public String details() {
        return reportedDetails != null ? reportedDetails : output();
    }

    /** The failure type: {@code go test}, or Ginkgo's ({@code failed}, {@code panicked}, {@code timedout} ...). */
    public String type() {
        return type;
    }

    /**
     * What the test itself said, without go test's {@code === RUN} / {@code --- FAIL} framing: the
     * failure message or the skip reason a reader wants first.
     */
    public String message() {
        if (reportedMessage != null) {
            return reportedMessage;
        }
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
