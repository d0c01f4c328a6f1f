package dev.gomvn.core.gotest;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the packages to test are Ginkgo suites: those whose test binary links
 * github.com/onsi/ginkgo/v2, which registers the {@code -ginkgo.*} flags that every other test
 * binary rejects. Found with one {@code go list -test}: its {@code <package>.test} entries are the
 * test binaries, with everything they link as Deps.
 */
record GinkgoPackages(List<String> ginkgo, List<String> others) {
    static final String GINKGO_MODULE = "github.com/onsi/ginkgo/v2";
    private static final String TEST_BINARY_SUFFIX = ".test";
    /** go list flags among go test's: they change which files, and so which imports, a package has. */
    private static final List<String> BUILD_FLAGS = List.of("-tags", "-mod", "-modfile", "-overlay");

    /**
     * The split of {@code request}'s packages, or empty when none is a Ginkgo suite or go list
     * fails (go test then reports the same problem where the user looks for it).
     */
    static Optional<GinkgoPackages> find(Toolchain toolchain, TestRequest request, List<String> testFlags, GoLog log) {
        if (!requiresGinkgo(request.moduleDirectory())) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>(List.of("list", "-test"));
        arguments.addAll(buildFlags(testFlags));
        arguments.add("-f={{.ImportPath}}\t{{.ForTest}}\t{{.Name}}\t{{range .Deps}}{{if eq . \"" + GINKGO_MODULE
                + "\"}}ginkgo{{end}}{{end}}");
        arguments.addAll(request.packages());
        GoProcessResult listed = GoCommand.of(toolchain.goRoot(), arguments)
                .log(log)
                .environment(request.environment())
                .in(request.moduleDirectory())
                .captureStdout()
                .run();
        if (!listed.succeeded()) {
            log.debug("'" + listed.commandLine() + "' failed, so no package is run as a Ginkgo suite:\n"
                    + String.join("\n", listed.tail()));
            return Optional.empty();
        }
        Set<String> packages = new LinkedHashSet<>();
        Set<String> ginkgo = new LinkedHashSet<>();
        listed.stdout()
                .lines()
                .map(line -> line.split("\t", -1))
                .filter(fields -> fields.length == 4)
                .forEach(fields -> {
                    String importPath = fields[0];
                    boolean forTest = !fields[1].isEmpty();
                    boolean testBinary =
                            !forTest && fields[2].equals("main") && importPath.endsWith(TEST_BINARY_SUFFIX);
                    if (testBinary && fields[3].contains("ginkgo")) {
                        ginkgo.add(importPath.substring(0, importPath.length() - TEST_BINARY_SUFFIX.length()));
                    } else if (!forTest && !testBinary) {
                        packages.add(importPath);
                    }
                });
        if (ginkgo.isEmpty()) {
            return Optional.empty();
        }
        packages.removeAll(ginkgo);
        return Optional.of(new GinkgoPackages(List.copyOf(ginkgo), List.copyOf(packages)));
    }

    /**
     * Since Go 1.17 go.mod lists every module the build uses, so a module that does not mention
     * Ginkgo has no suite, and the go list is saved.
     */
    private static boolean requiresGinkgo(Path moduleDirectory) {
        try {
            return Files.readString(moduleDirectory.resolve("go.mod")).contains(GINKGO_MODULE);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static List<String> buildFlags(List<String> testFlags) {
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < testFlags.size(); i++) {
            String flag = testFlags.get(i);
            if (flag.equals("-args")) {
                break;
            }
            String name = flag.replaceFirst("^--", "-");
            int equals = name.indexOf('=');
            if (BUILD_FLAGS.contains(equals < 0 ? name : name.substring(0, equals))) {
                selected.add(flag);
                if (equals < 0 && i + 1 < testFlags.size()) {
                    selected.add(testFlags.get(++i));
                }
            }
        }
        return selected;
    }
}
