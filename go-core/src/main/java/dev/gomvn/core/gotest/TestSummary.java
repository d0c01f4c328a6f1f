package dev.gomvn.core.gotest;

/** Counts over packages, printed the way Surefire prints them. */
public record TestSummary(int tests, int failures, int errors, int skipped) {
    public static final TestSummary EMPTY = new TestSummary(0, 0, 0, 0);

    static TestSummary of(PackageResult result) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (TestCaseResult test : result.tests()) {
            tests++;
            switch (test.status()) {
                case FAILED:
                    failures++;
                    break;
                case SKIPPED:
                    skipped++;
                    break;
                case RUNNING:
                case ERROR:
                    errors++;
                    break;
                default:
                    break;
            }
        }
        if (result.failedOutsideTests()) {
            tests++;
            errors++;
        }
        return new TestSummary(tests, failures, errors, skipped);
    }

    TestSummary plus(TestSummary other) {
        return new TestSummary(
                tests + other.tests, failures + other.failures, errors + other.errors, skipped + other.skipped);
    }

    public boolean hasProblems() {
        return failures > 0 || errors > 0;
    }

    public String surefireSummary() {
        return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
