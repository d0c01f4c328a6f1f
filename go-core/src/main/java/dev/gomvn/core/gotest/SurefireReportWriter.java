package dev.gomvn.core.gotest;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.HumanReadable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes one Surefire-format file per Go package ({@code TEST-example.com.m.pkg.xml}): a testcase per
 * test and subtest, failures with that test's own output, skips with their reason, and a package
 * that failed outside its tests (build failure, TestMain, panic, timeout) as an error testcase.
 * Jenkins, GitLab and maven-surefire-report-plugin read these files.
 *
 * <p>Each file carries the property {@value #MARKER} naming the run that wrote it (the go:test
 * execution), so that the reports of an earlier run of the same execution which this run did not
 * write (a package since fixed, removed or not selected) can be removed: CI would otherwise still show
 * them red. Reports of Java tests and of other go:test executions in the same directory are never
 * touched.
 */
public final class SurefireReportWriter {
    static final String MARKER = "gomvn.goTest";
    static final String DEFAULT_RUN = "default";
    /** How far into a report the marker can be: it is the first property, right after the suite element. */
    private static final int MARKER_SEARCH_CHARS = 4096;

    private SurefireReportWriter() {}

    public static TestSummary write(List<PackageResult> packages, Path directory) {
        return write(packages, directory, DEFAULT_RUN, removed -> {});
    }

    /**
     * @param run what wrote the reports, e.g. the Maven execution id; only its own old reports are removed
     * @param removals told about the reports of an earlier run that were removed
     */
    public static TestSummary write(
            List<PackageResult> packages, Path directory, String run, Consumer<String> removals) {
        String marker = "<property name=\"" + MARKER + "\" value=\"" + attr(run) + "\"/>";
        TestSummary total = TestSummary.EMPTY;
        Set<Path> written = new HashSet<>();
        try {
            Files.createDirectories(directory);
            for (PackageResult result : packages) {
                TestSummary summary = TestSummary.of(result);
                if (summary.tests() == 0 && !result.isGinkgoSuite()) {
                    continue; // a package without test files
                }
                total = total.plus(summary);
                Path file = directory.resolve("TEST-" + result.importPath().replace('/', '.') + ".xml");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    write(result, summary, marker, out);
                }
                written.add(file);
            }
            List<String> stale = removeStaleReports(directory, written, marker);
            if (!stale.isEmpty()) {
                removals.accept("Removed " + HumanReadable.count(stale.size(), "Go test report", "Go test reports")
                        + " of an earlier run that this run did not"
                        + " write: " + String.join(", ", stale));
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not write test reports to " + directory + ": " + e.getMessage(), e);
        }
        return total;
    }

    private static List<String> removeStaleReports(Path directory, Set<Path> written, String marker)
            throws IOException {
        List<Path> candidates;
        try (var files = Files.list(directory)) {
            candidates = files.filter(file -> !written.contains(file))
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml");
                    })
                    .sorted()
                    .toList();
        }
        List<String> removed = new ArrayList<>();
        for (Path candidate : candidates) {
            if (isWrittenBy(candidate, marker)) {
                Files.delete(candidate);
                removed.add(candidate.getFileName().toString());
            }
        }
        return removed;
    }

    private static boolean isWrittenBy(Path report, String marker) throws IOException {
        char[] head = new char[MARKER_SEARCH_CHARS];
        int read;
        try (var in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            read = in.read(head);
        } catch (MalformedInputException notUtf8) {
            return false;
        }
        return read > 0 && new String(head, 0, read).contains(marker);
    }

    private static void write(PackageResult result, TestSummary summary, String marker, Writer out) throws IOException {
        String suite = result.importPath();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd\""
                + " name=\"" + attr(suite) + "\" time=\"" + seconds(result.seconds()) + "\" tests=\"" + summary.tests()
                + "\" errors=\"" + summary.errors() + "\" skipped=\"" + summary.skipped() + "\" failures=\""
                + summary.failures() + "\" timestamp=\""
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDateTime())
                + "\">\n");
        out.write("  <properties>\n    " + marker + "\n  </properties>\n");
        for (TestCaseResult test : result.tests()) {
            out.write("  <testcase name=\"" + attr(test.name()) + "\" classname=\"" + attr(suite) + "\" time=\""
                    + seconds(test.seconds()) + "\"");
            switch (test.status()) {
                case PASSED:
                    out.write("/>\n");
                    break;
                case SKIPPED:
                    out.write(">\n    <skipped message=\"" + attr(firstLine(test.message())) + "\"/>\n");
                    systemOut(test.output(), out);
                    out.write("  </testcase>\n");
                    break;
                case FAILED:
                case ERROR:
                    String element = test.status() == TestCaseResult.Status.FAILED ? "failure" : "error";
                    out.write(">\n    <" + element + " message=\"" + attr(abbreviate(test.message())) + "\" type=\""
                            + attr(test.type()) + "\">" + text(test.details()) + "</" + element + ">\n");
                    systemOut(test.output(), out);
                    out.write("  </testcase>\n");
                    break;
                default:
                    // Still running when the package ended: killed by a timeout or a panic elsewhere.
                    out.write(">\n    <error message=\"did not finish\" type=\"go test\">"
                            + text(test.output() + result.output()) + "</error>\n  </testcase>\n");
                    break;
            }
        }
        if (result.failedOutsideTests()) {
            String name = result.buildFailed() ? "[build failed]" : "[package failed]";
            String details = result.buildOutput() + result.output();
            out.write("  <testcase name=\"" + attr(name) + "\" classname=\"" + attr(suite) + "\" time=\""
                    + seconds(result.seconds()) + "\">\n    <error message=\"" + attr(firstLine(errorMessage(details)))
                    + "\" type=\"go test\">" + text(details) + "</error>\n  </testcase>\n");
        }
        systemOut(result.output(), out);
        out.write("</testsuite>\n");
    }

    private static String errorMessage(String details) {
        return details.lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .findFirst()
                .orElse(details);
    }

    private static void systemOut(String output, Writer out) throws IOException {
        if (!output.isEmpty()) {
            out.write("    <system-out>" + text(output) + "</system-out>\n");
        }
    }

    /** Everything the test said (t.Log lines and t.Error lines), capped so CI tables stay readable. */
    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /**
     * XML-escaped, without terminal escape sequences (colours) and with the characters XML 1.0 cannot
     * carry (control bytes from test output) removed.
     */
    static String text(String value) {
        String plain = AnsiEscapes.strip(value);
        StringBuilder escaped = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> {
            switch (c) {
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '&':
                    escaped.append("&amp;");
                    break;
                default:
                    boolean allowed = c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF;
                    if (allowed) {
                        escaped.appendCodePoint(c);
                    }
            }
        });
        return escaped.toString();
    }
}
