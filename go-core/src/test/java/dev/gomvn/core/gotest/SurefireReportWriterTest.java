package dev.gomvn.core.gotest;

import static org.assertj.core.api.Assertions.assertThat;

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
