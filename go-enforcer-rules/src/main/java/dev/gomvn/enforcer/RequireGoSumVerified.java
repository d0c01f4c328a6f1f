package dev.gomvn.enforcer;

import dev.gomvn.core.gosum.GoSumFinding;
import dev.gomvn.core.gosum.GoSumReport;
import dev.gomvn.core.gosum.GoSumVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * go.sum must hold every line the build and its tests need, and every module of the build must match
 * it, downloaded and checked even when the module cache starts empty; the cache must be untampered,
 * and go.mod/go.sum unchanged afterwards. With {@code -o} only the module cache is used. In a go.work
 * workspace the module is checked in workspace mode, as go build there judges it (see GoSumVerifier):
 * every workspace module's go.sum and go.work.sum count, and none of them is written.
 */
@Named("requireGoSumVerified")
public final class RequireGoSumVerified extends AbstractGoRule {

    /** Also require {@code go mod tidy -diff} to be empty (Go 1.23+). */
    private boolean checkTidy;

    @Inject
    public RequireGoSumVerified(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        if (!Files.isRegularFile(directory.resolve("go.mod"))) {
            throw new RuleViolation(
                    directory + " has .go files but no go.mod, so there is no go.sum to verify. Fix: run "
                            + "'go mod init <module path>' and 'go mod tidy', and commit go.mod and go.sum.");
        }
        GoSumReport report = new GoSumVerifier(toolchain(directory), goEnvironment(), proxyLogin(), goLog())
                .verify(directory, checkTidy, offline());
        report.infos().forEach(info -> getLog().info(info));
        report.notes().forEach(note -> getLog().warn(note));
        if (!report.passed()) {
            throw new RuleViolation("go.sum of " + directory + " is not verified:" + System.lineSeparator()
                    + report.findings().stream()
                            .map(GoSumFinding::message)
                            .collect(Collectors.joining(System.lineSeparator())));
        }
        getLog().debug("requireGoSumVerified: every module of " + directory + " matches go.sum.");
        Optional<Path> workspace = report.workspace();
        String checked;
        if (report.vendor().isPresent()) {
            checked = workspace
                    .map(w -> report.vendor().get().resolve("modules.txt") + " matches the workspace " + w
                            + " (vendored files carry no checksums)")
                    .orElse("vendor/modules.txt matches go.mod (vendored files carry no checksums)");
        } else {
            checked = "every module of the build matches "
                    + workspace
                            .map(w -> "the sum files of the workspace " + w + " (each module's go.sum and go.work.sum)")
                            .orElse("go.sum")
                    + (offline() ? ", checked in the module cache (-o)" : ", downloaded and checked");
        }
        return checked
                + (checkTidy
                        ? "; go mod tidy -diff is empty"
                                + workspace
                                        .map(w -> " (checked with GOWORK=off: go mod tidy ignores go.work)")
                                        .orElse("")
                        : "")
                + workspace
                        .map(w -> "; go.work, go.work.sum and every workspace module's go.mod and go.sum unchanged")
                        .orElse("; go.mod and go.sum unchanged");
    }

    @Override
    public String getCacheId() {
        return moduleDirectory() + "|" + checkTidy;
    }

    @Override
    public String toString() {
        return "RequireGoSumVerified[checkTidy=" + checkTidy + "]";
    }
}
