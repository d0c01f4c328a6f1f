package dev.gomvn.core.gobuild;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The packages a {@code go build} of one main package depends on, and those of them go will
 * compile: {@code go list -deps} with the build's flags and target, whose {@code .Stale} says
 * whether the build cache holds the package's compiled form for exactly these settings. Costs
 * about a second for a thousand packages; the answer turns "compiling package 58" into
 * "compiling package 58 of 184".
 *
 * @param dependencies every package of the build, including the main package
 * @param toCompile    those go build will compile, each named by {@code go build -v} as it starts
 */
record StalePackages(Set<String> dependencies, Set<String> toCompile) {
    /** How go announces a module it fetches, on stderr. */
    static final String DOWNLOADING = "go: downloading ";

    private static final String FORMAT = "{{.ImportPath}}\t{{.Stale}}\t{{.StaleReason}}";
    /** go list's reason for a main package whose compiled form is cached but not installed: only linking is left. */
    private static final String ONLY_LINKING = "not installed but available in build cache";

    StalePackages {
        dependencies = Set.copyOf(dependencies);
        toCompile = Set.copyOf(toCompile);
    }

    /**
     * Asks go; empty when go list fails, as it does for a package go build cannot load either: go build
     * then reports the real error itself, so this one only goes to the debug log.
     *
     * @param goMessages receives the modules go downloads ({@code go: downloading ...}), which go build
     *                   would otherwise have announced
     */
    static Optional<StalePackages> of(
            Path goRoot,
            BuildOptions options,
            Map<String, String> environment,
            Path moduleDirectory,
            String packagePath,
            Consumer<String> goMessages,
            GoLog log) {
        GoProcessResult result = GoCommand.of(goRoot, options.listDependenciesArguments(FORMAT, packagePath))
                .log(log)
                .environment(environment)
                .in(moduleDirectory)
                .captureStdout()
                .onStderr(line -> {
                    if (line.startsWith(DOWNLOADING)) {
                        goMessages.accept(line);
                    } else {
                        log.debug(line);
                    }
                })
                .run();
        if (!result.succeeded()) {
            log.debug("'" + result.commandLine() + "' failed with exit code " + result.exitCode()
                    + "; the progress reports count packages without a total.");
            return Optional.empty();
        }
        return Optional.of(parse(result.stdout()));
    }

    /**
     * Whether the listing is worth its cost. With a cache program (GOCACHEPROG: gomvn's shared build cache, or
     * the user's own), go list's staleness check asks the program for every package, so it would fetch from the
     * shared store all that go build fetches beside it: the progress then counts without a total.
     *
     * @param environment what gomvn sets for go
     * @param inherited   the environment go inherits (System.getenv())
     */
    static boolean worthListing(Map<String, String> environment, Map<String, String> inherited) {
        return environment
                .getOrDefault("GOCACHEPROG", inherited.getOrDefault("GOCACHEPROG", ""))
                .isBlank();
    }

    static StalePackages parse(String listing) {
        Set<String> dependencies = new LinkedHashSet<>();
        Set<String> toCompile = new LinkedHashSet<>();
        listing.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] fields = line.split("\t", 3);
            dependencies.add(fields[0]);
            boolean stale = fields.length > 1 && fields[1].equals("true");
            String reason = fields.length > 2 ? fields[2] : "";
            if (stale && !reason.equals(ONLY_LINKING)) {
                toCompile.add(fields[0]);
            }
        });
        return new StalePackages(dependencies, toCompile);
    }
}
