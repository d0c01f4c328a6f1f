package dev.gomvn.core.gobuild;

import dev.gomvn.core.HumanReadable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How far one {@code go build -v} is, told apart from what go says about the code. go names each
 * package on a line of its own as it starts compiling it; every other line (compiler errors, their
 * {@code # package} headers, linker messages) is go's real output and stays the user's to see.
 * Fed from go's output threads, read by the heartbeat's, told the plan by go list's (which runs beside go
 * build, so the plan may come after go started): every method is synchronized.
 */
final class CompileProgress {
    /** As many of go's own lines as GoCommand keeps for a failure message. */
    private static final int OUTPUT_LINES = 40;
    /** A bare import path; without the package list, what a -v line looks like. Errors carry spaces or colons. */
    private static final Pattern IMPORT_PATH = Pattern.compile("[A-Za-z0-9_.~+-]+(/[A-Za-z0-9_.~+-]+)*");

    private final Deque<String> output = new ArrayDeque<>();
    private final Set<String> started = new LinkedHashSet<>();
    private StalePackages plan;
    private String latest;

    /**
     * From now on, package lines are checked against the packages of the build, and counted against those to
     * compile. Packages go compiled before go list looked at them are cached by then, so go list calls them
     * up to date: they count as to compile all the same.
     */
    synchronized void expect(StalePackages packages) {
        this.plan = packages;
    }

    /** One line of go's output; true when it only names a package go started compiling. */
    synchronized boolean accept(String line) {
        boolean packageLine = plan == null
                ? IMPORT_PATH.matcher(line).matches()
                : plan.dependencies().contains(line);
        if (packageLine) {
            started.add(line);
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
        int total = -1;
        if (plan != null) {
            Set<String> toCompile = new LinkedHashSet<>(plan.toCompile());
            started.stream().filter(plan.dependencies()::contains).forEach(toCompile::add);
            // A line taken for a package before the plan came that is none of the build's: count without a total.
            total = started.size() > toCompile.size() ? -1 : toCompile.size();
        }
        int count = started.size();
        if (count == 0) {
            if (total < 0) {
                return "loading packages";
            }
            return total == 0
                    ? "linking (every package is in the build cache)"
                    : "loading packages, " + HumanReadable.count(total, "package", "packages") + " to compile";
        }
        if (total < 0) {
            return "compiling package " + count + " (" + latest + ")";
        }
        return "compiling package " + count + " of " + total + " (" + latest + ")"
                + (count == total ? ", then linking" : "");
    }
}
