package dev.gomvn.core.gotest;

import dev.gomvn.core.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The JUnit report Ginkgo v2 writes with {@code -ginkgo.junit-report}: {@code <testsuites><testsuite>}
 * with one {@code <testcase>} per spec, named {@code [It] Container text leaf text}, a {@code status}
 * ({@code passed}, {@code failed}, {@code skipped}, {@code pending}, {@code panicked}, ...), a
 * {@code <failure>} or {@code <error>} whose text ends with {@code In [It] at: file.go:19 @ time}, a
 * {@code <skipped>} (also for pending specs) and the spec's output as {@code <system-err>}.
 */
final class GinkgoReport {
    private static final String IT_PREFIX = "[It] ";
    private static final Set<String> SETUP_NODES = Set.of("[BeforeSuite]", "[SynchronizedBeforeSuite]");
    /** {@code In [It] at: /src/calc_test.go:19 @ 11/29/26 16:59:06.563}: where the spec failed, without the time. */
    private static final Pattern LOCATION = Pattern.compile("(?m)^In \\[[^\\]]+\\] at: (\\S+:\\d+)");

    private GinkgoReport() {}

    /** The specs of the report, in its order. */
    static List<TestCaseResult> read(Path report) {
        List<TestCaseResult> specs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(report)) {
            NodeList testcases = parser().parse(in).getElementsByTagName("testcase");
            for (int i = 0; i < testcases.getLength(); i++) {
                specs.add(spec((Element) testcases.item(i)));
            }
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new EnvironmentException(
                    "Could not read the Ginkgo report " + report + ": " + e.getMessage()
                            + ". It is written by the suite's test binary; run go test on that package by hand to see why it is broken.",
                    e);
        }
        return specs;
    }

    /**
     * The suite setup node whose failure kept the specs from running: Ginkgo reports a failed {@code [BeforeSuite]}
     * (or {@code [SynchronizedBeforeSuite]}) and leaves the specs it never ran out of the report altogether.
     */
    static Optional<TestCaseResult> failedSetup(List<TestCaseResult> specs) {
        return specs.stream()
                .filter(spec -> SETUP_NODES.contains(spec.name()))
                .filter(spec ->
                        spec.status() == TestCaseResult.Status.FAILED || spec.status() == TestCaseResult.Status.ERROR)
                .findFirst();
    }

    /**
     * {@code specs} and, for each spec of {@code allSpecs} (the suite's dry run) that is not among them, a skipped
     * testcase that says why it did not run: the report then counts every spec the suite has.
     */
    static List<TestCaseResult> withSpecsNotRun(
            List<TestCaseResult> specs, List<TestCaseResult> allSpecs, TestCaseResult failedSetup) {
        Set<String> reported = specs.stream().map(TestCaseResult::name).collect(Collectors.toSet());
        String firstLine = failedSetup.message().lines().findFirst().orElse("").strip();
        String reason =
                "not run: " + failedSetup.name() + " failed" + (firstLine.isEmpty() ? "" : " (" + firstLine + ")");
        List<TestCaseResult> all = new ArrayList<>(specs);
        allSpecs.stream()
                .filter(spec -> !spec.name().startsWith("[") && !reported.contains(spec.name()))
                .forEach(spec -> all.add(
                        TestCaseResult.spec(spec.name(), TestCaseResult.Status.SKIPPED, 0, reason, "skipped", "", "")));
        return all;
    }

    private static TestCaseResult spec(Element testcase) {
        String name = testcase.getAttribute("name");
        if (name.startsWith(IT_PREFIX)) {
            name = name.substring(IT_PREFIX.length());
        }
        double seconds = seconds(testcase.getAttribute("time"));
        String output = text(child(testcase, "system-out")) + text(child(testcase, "system-err"));
        Element failure = child(testcase, "failure");
        Element error = child(testcase, "error");
        Element problem = failure != null ? failure : error;
        if (problem != null) {
            String details = problem.getTextContent();
            return TestCaseResult.spec(
                    name,
                    failure != null ? TestCaseResult.Status.FAILED : TestCaseResult.Status.ERROR,
                    seconds,
                    withLocation(problem.getAttribute("message"), details),
                    problem.getAttribute("type"),
                    details,
                    output);
        }
        Element skipped = child(testcase, "skipped");
        if (skipped != null) {
            return TestCaseResult.spec(
                    name,
                    TestCaseResult.Status.SKIPPED,
                    seconds,
                    skipped.getAttribute("message"),
                    "skipped",
                    "",
                    output);
        }
        return TestCaseResult.spec(name, TestCaseResult.Status.PASSED, seconds, "", "", "", output);
    }

    /** The message a CI table shows, with the line to open: Ginkgo keeps the location in the details only. */
    private static String withLocation(String message, String details) {
        Matcher location = LOCATION.matcher(details);
        return location.find() ? message + "\nat " + location.group(1) : message;
    }

    private static double seconds(String value) {
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? "" : element.getTextContent();
    }

    /** A report is data a test binary wrote: no DTDs, no external entities. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
