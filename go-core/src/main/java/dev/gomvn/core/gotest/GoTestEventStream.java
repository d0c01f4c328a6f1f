package dev.gomvn.core.gotest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.HumanReadable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code go test -json} output one line at a time, as it streams, and sorts every event into
 * its package and test. Output belongs to the test named in its event, so parallel tests whose
 * output interleaves still get only their own lines. Lines that are not JSON (build errors printed
 * by older Go versions) are kept as the output of the package being built.
 */
public final class GoTestEventStream {
    private final Map<String, PackageResult> packages = new LinkedHashMap<>();
    private final Consumer<String> progress;
    private final List<String> unattributed = new ArrayList<>();
    private String buildingPackage;

    /** @param progress receives the lines a user wants to see live: package results and failures */
    public GoTestEventStream(Consumer<String> progress) {
        this.progress = progress;
    }

    /** One line of go test's output; synchronized, as go's stdout and stderr arrive on threads of their own. */
    public synchronized void accept(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            plain(line);
            return;
        }
        JsonObject event;
        try {
            JsonElement parsed = JsonParser.parseString(trimmed);
            if (!parsed.isJsonObject()) {
                plain(line);
                return;
            }
            event = parsed.getAsJsonObject();
        } catch (RuntimeException notJson) {
            plain(line);
            return;
        }
        String action = text(event, "Action");
        String output = text(event, "Output");
        if (action.equals("build-output") || action.equals("build-fail")) {
            PackageResult result = packageOf(importPathOf(text(event, "ImportPath")));
            if (action.equals("build-output")) {
                result.buildOutput(output);
                progress.accept(output.stripTrailing());
            } else {
                result.markBuildFailed();
            }
            return;
        }
        String pkg = text(event, "Package");
        if (pkg.isEmpty()) {
            return;
        }
        PackageResult result = packageOf(pkg);
        String test = text(event, "Test");
        double elapsed = event.has("Elapsed") ? event.get("Elapsed").getAsDouble() : 0;
        if (test.isEmpty()) {
            packageEvent(result, action, output, elapsed, event);
        } else {
            testEvent(result, test, action, output, elapsed);
        }
    }

    private void packageEvent(PackageResult result, String action, String output, double elapsed, JsonObject event) {
        switch (action) {
            case "output":
                result.output(output);
                String line = output.stripTrailing();
                if (line.startsWith("ok ")
                        || line.startsWith("FAIL")
                        || line.startsWith("?")
                        || line.startsWith("panic:")
                        || line.startsWith("coverage:")) {
                    progress.accept(line);
                }
                break;
            case "pass":
            case "skip":
                result.finish(action, elapsed);
                break;
            case "fail":
                if (event.has("FailedBuild")) {
                    result.markBuildFailed();
                }
                result.finish(action, elapsed);
                break;
            default:
                break;
        }
    }

    private void testEvent(PackageResult result, String name, String action, String output, double elapsed) {
        TestCaseResult test = result.test(name);
        switch (action) {
            case "output":
                test.output(output);
                break;
            case "pass":
                test.finish(TestCaseResult.Status.PASSED, elapsed);
                break;
            case "skip":
                test.finish(TestCaseResult.Status.SKIPPED, elapsed);
                break;
            case "fail":
                test.finish(TestCaseResult.Status.FAILED, elapsed);
                progress.accept("--- FAIL: " + name + " (" + result.importPath() + ")");
                test.message().lines().forEach(l -> progress.accept("    " + l));
                break;
            default:
                break;
        }
    }

    /**
     * Plain text, as older Go prints compiler errors: a {@code # example.com/m/p [example.com/m/p.test]}
     * header names the package the following lines belong to.
     */
    private void plain(String line) {
        progress.accept(line);
        if (line.startsWith("# ")) {
            buildingPackage = importPathOf(line.substring(2).strip());
        }
        if (buildingPackage == null) {
            unattributed.add(line + "\n");
        } else {
            packageOf(buildingPackage).buildOutput(line + "\n");
        }
    }

    /** {@code example.com/m/p [example.com/m/p.test]} -> {@code example.com/m/p}. */
    private static String importPathOf(String importPath) {
        int space = importPath.indexOf(' ');
        return space < 0 ? importPath : importPath.substring(0, space);
    }

    private PackageResult packageOf(String importPath) {
        return packages.computeIfAbsent(importPath, PackageResult::new);
    }

    private static String text(JsonObject event, String name) {
        JsonElement value = event.get(name);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    /**
     * For the progress reports: {@code 3 packages done, running example.com/m/internal/controller
     * (TestControllers)}; before the first package reports, go is still compiling test binaries.
     */
    public synchronized String progressReport() {
        if (packages.isEmpty()) {
            return "building test binaries";
        }
        List<String> running = new ArrayList<>();
        for (PackageResult result : packages.values()) {
            if (result.status().equals("running")) {
                String test = null;
                for (TestCaseResult candidate : result.tests()) {
                    if (candidate.status() == TestCaseResult.Status.RUNNING) {
                        test = candidate.name(); // the most recently started, as tests are kept in start order
                    }
                }
                running.add(result.importPath() + (test == null ? "" : " (" + test + ")"));
            }
        }
        String done = HumanReadable.count(packages.size() - running.size(), "package", "packages") + " done";
        return running.isEmpty()
                ? done + ", building the next test binaries"
                : done + ", running " + String.join(", ", running);
    }

    public List<PackageResult> packages() {
        return List.copyOf(packages.values());
    }

    /** Plain output seen before any package started: usually go test refusing its flags. */
    public String unattributedOutput() {
        return String.join("", unattributed);
    }
}
