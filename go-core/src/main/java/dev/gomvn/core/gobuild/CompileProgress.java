package dev.gomvn.core.gobuild;

import dev.gomvn.core.HumanReadable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How far one {@code go build -v} is, told apart from what go says about the code. go names each
 * package on a line of its own as it starts compiling it; every other line (compiler errors, their
 * {@code # package} headers, linker messages) is go's real output and stays the user's to see.
 * Fed from go's output threads, read by the heartbeat's: every method is synchronized.
 */
final class CompileProgress {
    /** As many of go's own lines as GoCommand keeps for a failure message. */
    private static final int OUTPUT_LINES = 40;
    /** A bare import path; without the package list, what a -v line looks like. Errors carry spaces or colons. */
    private static final Pattern IMPORT_PATH = Pattern.compile("[A-Za-z0-9_.~+-]+(/[A-Za-z0-9_.~+-]+)*");

    private final Deque<String> output = new ArrayDeque<>();
    private StalePackages plan;
    private int started;
    private String latest;

    /** From now on, package lines are checked against the packages of the build, and counted against those to compile. */
    synchronized void expect(StalePackages packages) {
        this.plan = packages;
    }

    /** One line of go's output; true when it only names a package go started compiling. */
    synchronized boolean accept(String line) {
        boolean packageLine = plan == null
                ? IMPORT_PATH.matcher(line).matches()
                : plan.dependencies().contains(line);
        if (packageLine) {
            started++;
            latest = line;
        } else {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES) {
                output.removeFirst();
            }
        }
        return packageLine;
    }

    /** go's last lines other than package names: what a failure message quotes. */
    synchronized List<String> output() {
        return List.copyOf(output);
    }

    /** {@code compiling package 58 of 184 (k8s.io/client-go/kubernetes)}. */
    synchronized String describe() {
        // More started than go list expected (a cache entry dropped meanwhile): count without a total.
        int total = plan == null || started > plan.toCompile().size()
                ? -1
                : plan.toCompile().size();
        if (started == 0) {
            if (total < 0) {
                return "loading packages";
            }
            return total == 0
                    ? "linking (every package is in the build cache)"
                    : "loading packages, " + HumanReadable.count(total, "package", "packages") + " to compile";
        }
        if (total < 0) {
            return "compiling package " + started + " (" + latest + ")";
        }
        return "compiling package " + started + " of " + total + " (" + latest + ")"
                + (started == total ? ", then linking" : "");
    }
}
