package dev.gomvn.core.gotest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The converter on {@code go test -json} streams recorded from real runs (see the resources). */
class SurefireReportWriterTest {
    @TempDir
    Path reports;

    @TempDir
    Path work;

    @Test
    void passingFailingSkippedAndSubtestsBecomeTestcases() throws Exception {
        List<String> progress = new ArrayList<>();
        TestSummary summary = convert("mixed.jsonl", progress);
        Document calc = parse("TEST-example.com.rec.calc.xml");
        Element suite = calc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("example.com/rec/calc");
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Map<String, Element> cases = testcases(calc);
        assertThat(cases)
                .containsKeys(
                        "TestAddPasses",
                        "TestAddFails",
                        "TestSkipped",
                        "TestTable",
                        "TestTable/small",
                        "TestTable/negative");
        assertThat(child(cases.get("TestAddFails"), "failure").getAttribute("message"))
                .contains("Add(2, 2) = 4, want 5");
        assertThat(child(cases.get("TestAddFails"), "failure").getTextContent())
                .contains("about to compare")
                .doesNotContain("got -2, want -3");
        assertThat(child(cases.get("TestSkipped"), "skipped").getAttribute("message"))
                .contains("needs a database");
        assertThat(cases.get("TestAddPasses").getElementsByTagName("failure").getLength())
                .isZero();
        assertThat(cases.get("TestAddPasses").getAttribute("classname")).isEqualTo("example.com/rec/calc");
        assertThat(progress).anyMatch(l -> l.startsWith("--- FAIL: TestAddFails"));
        assertThat(summary.surefireSummary()).isEqualTo("Tests run: 11, Failures: 5, Errors: 1, Skipped: 1");
    }

    @Test
    void interleavedParallelTestsKeepTheirOwnOutput() throws Exception {
        convert("mixed.jsonl", new ArrayList<>());
        Map<String, Element> cases = testcases(parse("TEST-example.com.rec.par.xml"));
        String a = child(cases.get("TestParallelA"), "failure").getTextContent();
        assertThat(a).contains("A says 0", "A says 2", "A failed on its own").doesNotContain("B says");
        assertThat(cases.get("TestParallelB").getElementsByTagName("failure").getLength())
                .isZero();
    }

    @Test
    void aPanicFailsTheTestThatPanicked() throws Exception {
        convert("mixed.jsonl", new ArrayList<>());
        Map<String, Element> cases = testcases(parse("TEST-example.com.rec.boom.xml"));
        assertThat(child(cases.get("TestPanics"), "failure").getTextContent())
                .contains("assignment to entry in nil map");
        assertThat(cases.get("TestFine").getElementsByTagName("failure").getLength())
                .isZero();
    }

    @Test
    void aPackageThatDoesNotCompileIsAnErrorNotSilence() throws Exception {
        convert("mixed.jsonl", new ArrayList<>());
        Document broken = parse("TEST-example.com.rec.broken.xml");
        assertThat(broken.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        Element error = child(testcases(broken).get("[build failed]"), "error");
        assertThat(error.getTextContent()).contains("broken_test.go:6:17: cannot use Value()");
        assertThat(reports.resolve("TEST-example.com.rec.notests.xml")).doesNotExist();
    }

    @Test
    void olderGoPrintsBuildErrorsAsPlainTextAndTheyAreKept() throws Exception {
        convert("old-go-build-failure.txt", new ArrayList<>());
        Element error =
                child(testcases(parse("TEST-example.com.rec.broken.xml")).get("[build failed]"), "error");
        assertThat(error.getTextContent()).contains("broken_test.go:6:17");
    }

    @Test
    void aTimeoutMarksTheRunningTestAsAnError() throws Exception {
        TestSummary summary = convert("timeout.jsonl", new ArrayList<>());
        Map<String, Element> cases = testcases(parse("TEST-example.com.rec.slow.xml"));
        assertThat(child(cases.get("TestSleepsForever"), "error").getTextContent())
                .contains("panic: test timed out after 1s");
        assertThat(summary.surefireSummary()).isEqualTo("Tests run: 2, Failures: 0, Errors: 1, Skipped: 0");
    }

    @Test
    void controlCharactersInOutputDoNotBreakTheXml() throws Exception {
        GoTestEventStream stream = new GoTestEventStream(line -> {});
        stream.accept("{\"Action\":\"run\",\"Package\":\"p\",\"Test\":\"TestX\"}");
        stream.accept(
                "{\"Action\":\"output\",\"Package\":\"p\",\"Test\":\"TestX\",\"Output\":\"bell \\u0007 <tag> & \\\"q\\\"\\n\"}");
        stream.accept("{\"Action\":\"fail\",\"Package\":\"p\",\"Test\":\"TestX\",\"Elapsed\":0.01}");
        stream.accept("{\"Action\":\"fail\",\"Package\":\"p\",\"Elapsed\":0.02}");
        SurefireReportWriter.write(stream.packages(), reports);
        Element failure = child(testcases(parse("TEST-p.xml")).get("TestX"), "failure");
        assertThat(failure.getTextContent()).contains("bell  <tag> & \"q\"");
    }

    @Test
    void aGinkgoSuiteIsOneTestcasePerSpecInPlaceOfTheGoTestThatRanIt() throws Exception {
        GoTestEventStream stream = stream("ginkgo.jsonl", new ArrayList<>());
        PackageResult suite = stream.packages().get(0);
        suite.replaceGinkgoHost(GinkgoReport.read(resource("ginkgo-report.xml")));
        TestSummary summary = SurefireReportWriter.write(stream.packages(), reports);

        Document report = parse("TEST-example.com.suite.calc.xml");
        Map<String, Element> cases = testcases(report);
        assertThat(cases)
                .containsOnlyKeys(
                        "Calculator Add adds two positive numbers",
                        "Calculator Add adds a negative number",
                        "Calculator Add is wrong on purpose",
                        "Calculator Divide divides evenly",
                        "Calculator Divide needs a database",
                        "Calculator Divide rounds towards zero (pending)");
        Element failure = child(cases.get("Calculator Add is wrong on purpose"), "failure");
        assertThat(failure.getAttribute("message"))
                .startsWith("two and two\nExpected")
                .endsWith("\nat /src/suite/calc/calc_test.go:19");
        assertThat(failure.getAttribute("type")).isEqualTo("failed");
        assertThat(failure.getTextContent()).contains("In [It] at: /src/suite/calc/calc_test.go:19");
        assertThat(child(cases.get("Calculator Divide needs a database"), "skipped")
                        .getAttribute("message"))
                .isEqualTo("skipped - no database in this environment");
        assertThat(child(cases.get("Calculator Divide rounds towards zero (pending)"), "skipped")
                        .getAttribute("message"))
                .isEqualTo("pending");
        assertThat(cases.get("Calculator Divide divides evenly").getAttribute("classname"))
                .isEqualTo("example.com/suite/calc");
        Element testsuite = report.getDocumentElement();
        assertThat(testsuite.getAttribute("tests")).isEqualTo("6");
        assertThat(testsuite.getAttribute("failures")).isEqualTo("1");
        assertThat(testsuite.getAttribute("errors")).isEqualTo("0");
        assertThat(testsuite.getAttribute("skipped")).isEqualTo("2");
        assertThat(summary.surefireSummary()).isEqualTo("Tests run: 6, Failures: 1, Errors: 0, Skipped: 2");
        assertThat(testsuite
                        .getElementsByTagName("system-out")
                        .item(testsuite.getElementsByTagName("system-out").getLength() - 1)
                        .getTextContent())
                .as("Ginkgo's own summary stays with the package")
                .contains("Ran 4 of 6 Specs");
    }

    @Test
    void colourCodesOfGinkgoAndOfPlainTestsNeverReachTheXml() throws Exception {
        GoTestEventStream stream = stream("ginkgo.jsonl", new ArrayList<>());
        stream.accept("{\"Action\":\"run\",\"Package\":\"p\",\"Test\":\"TestX\"}");
        stream.accept(
                "{\"Action\":\"output\",\"Package\":\"p\",\"Test\":\"TestX\","
                        + "\"Output\":\"    x_test.go:9: \\u001b[31mexpected\\u001b[0m 1, got 2 \\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007\\n\"}");
        stream.accept("{\"Action\":\"fail\",\"Package\":\"p\",\"Test\":\"TestX\",\"Elapsed\":0.01}");
        stream.accept("{\"Action\":\"fail\",\"Package\":\"p\",\"Elapsed\":0.02}");
        SurefireReportWriter.write(stream.packages(), reports);

        String ginkgo = Files.readString(reports.resolve("TEST-example.com.suite.calc.xml"));
        assertThat(ginkgo)
                .contains("Ran 4 of 6 Specs", "Random Seed: ")
                .doesNotContain("\u001b", "[1m", "[0m", "38;5;");
        Element failure = child(testcases(parse("TEST-p.xml")).get("TestX"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("x_test.go:9: expected 1, got 2 link");
        assertThat(Files.readString(reports.resolve("TEST-p.xml"))).doesNotContain("[31m", "]8;;");
    }

    @Test
    void reportsOfAnEarlierRunThatThisRunDidNotWriteAreRemovedButJavaAndOtherRunsReportsStay() throws Exception {
        Path javaReport = reports.resolve("TEST-com.example.JavaTest.xml");
        Files.writeString(
                javaReport,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"com.example.JavaTest\" tests=\"1\""
                        + " failures=\"1\"><properties><property name=\"java.version\" value=\"17\"/></properties>"
                        + "<testcase name=\"fails\"><failure/></testcase></testsuite>\n");
        convert("mixed.jsonl", new ArrayList<>());
        assertThat(reports.resolve("TEST-example.com.rec.calc.xml")).exists();
        GoTestEventStream otherExecution = new GoTestEventStream(line -> {});
        otherExecution.accept("{\"Action\":\"run\",\"Package\":\"example.com/rec/it\",\"Test\":\"TestIt\"}");
        otherExecution.accept("{\"Action\":\"fail\",\"Package\":\"example.com/rec/it\",\"Test\":\"TestIt\"}");
        otherExecution.accept("{\"Action\":\"fail\",\"Package\":\"example.com/rec/it\"}");
        SurefireReportWriter.write(otherExecution.packages(), reports, "integration-tests", line -> {});

        GoTestEventStream green = new GoTestEventStream(line -> {});
        green.accept("{\"Action\":\"run\",\"Package\":\"example.com/rec/fine\",\"Test\":\"TestFine\"}");
        green.accept("{\"Action\":\"pass\",\"Package\":\"example.com/rec/fine\",\"Test\":\"TestFine\"}");
        green.accept("{\"Action\":\"pass\",\"Package\":\"example.com/rec/fine\"}");
        List<String> removals = new ArrayList<>();
        TestSummary summary = SurefireReportWriter.write(green.packages(), reports, "default", removals::add);

        assertThat(summary.hasProblems()).isFalse();
        try (var files = Files.list(reports)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "TEST-example.com.rec.fine.xml",
                            "TEST-com.example.JavaTest.xml",
                            "TEST-example.com.rec.it.xml");
        }
        assertThat(removals)
                .singleElement(STRING)
                .startsWith("Removed 4 Go test reports of an earlier run that this run did not write: ")
                .contains("TEST-example.com.rec.calc.xml", "TEST-example.com.rec.broken.xml");
    }

    private Path resource(String name) throws IOException {
        Path copy = work.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/testreport/" + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    private GoTestEventStream stream(String resource, List<String> progress) throws IOException {
        GoTestEventStream stream = new GoTestEventStream(progress::add);
        try (InputStream in = getClass().getResourceAsStream("/testreport/" + resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(stream::accept);
        }
        return stream;
    }

    private TestSummary convert(String resource, List<String> progress) throws IOException {
        GoTestEventStream stream = new GoTestEventStream(progress::add);
        try (InputStream in = getClass().getResourceAsStream("/testreport/" + resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(stream::accept);
        }
        return SurefireReportWriter.write(stream.packages(), reports);
    }

    private Document parse(String file) throws Exception {
        assertThat(reports.resolve(file)).exists();
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Files.newInputStream(reports.resolve(file)));
    }

    private static Map<String, Element> testcases(Document document) {
        Map<String, Element> cases = new HashMap<>();
        NodeList nodes = document.getElementsByTagName("testcase");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            cases.put(element.getAttribute("name"), element);
        }
        return cases;
    }

    private static Element child(Element parent, String name) {
        assertThat(parent).as("testcase").isNotNull();
        NodeList nodes = parent.getElementsByTagName(name);
        assertThat(nodes.getLength())
                .as("<%s> in %s", name, parent.getAttribute("name"))
                .isPositive();
        return (Element) nodes.item(0);
    }
}
