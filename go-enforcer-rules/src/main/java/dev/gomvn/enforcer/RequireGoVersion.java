package dev.gomvn.enforcer;

import dev.gomvn.core.gomod.GoModFile;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The Go this build uses must be in {@code <version>} (Maven range syntax, Go ordering, a bare
 * version is a minimum) and, unless {@code <goModCompatible>false</goModCompatible>}, no older than
 * go.mod's {@code go} line: with GOTOOLCHAIN=local an older go refuses to build the module.
 */
@Named("requireGoVersion")
public final class RequireGoVersion extends AbstractGoRule {

    /** The allowed Go versions, e.g. {@code [1.22,1.24)} or {@code 1.22} (at least). */
    private String version;

    /** Also require a Go at least as new as go.mod's {@code go} line. */
    private boolean goModCompatible = true;

    @Inject
    public RequireGoVersion(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        Toolchain toolchain = toolchain(directory);
        GoVersion found = toolchain.version();
        List<String> verified = new ArrayList<>();
        if (version != null && !version.isBlank()) {
            GoVersionRange range = GoVersionRange.parse(version, "version");
            if (!range.contains(found)) {
                throw new RuleViolation("Go " + found + " (GOROOT " + toolchain.goRoot() + ", " + toolchain.origin()
                        + ") is not in the required range " + version + ". Set go.version to a version in that range "
                        + "(go.version accepts the range itself: -Dgo.version='" + version
                        + "') so the go-maven-plugin provisions it, "
                        + "or install a matching Go and point go.root at it.");
            }
            verified.add("is in " + version);
        }
        if (goModCompatible) {
            Optional<GoVersion> goLine = goLine(directory);
            if (goLine.isPresent() && found.compareTo(goLine.get().minimumToolchain()) < 0) {
                throw new RuleViolation(
                        "Go " + found + " (GOROOT " + toolchain.goRoot() + ") is older than go.mod's 'go "
                                + goLine.get() + "' line in " + directory.resolve("go.mod")
                                + "; with GOTOOLCHAIN=local it cannot build this module. Use Go "
                                + goLine.get().minimumToolchain()
                                + " or newer (set go.version), or set <goModCompatible>false</goModCompatible> on this rule.");
            }
            goLine.ifPresent(line -> verified.add("is not older than go.mod's 'go " + line + "'"));
        }
        getLog().debug("requireGoVersion: Go " + found + " at " + toolchain.goRoot() + " is acceptable.");
        return "Go " + found + " "
                + (verified.isEmpty()
                        ? "runs; there was nothing to compare it with (no <version>, "
                                + (goModCompatible ? "no go.mod go line" : "<goModCompatible>false</goModCompatible>")
                                + ")"
                        : String.join(" and ", verified));
    }

    private static Optional<GoVersion> goLine(Path directory) {
        Path goMod = directory.resolve("go.mod");
        return Files.isRegularFile(goMod) ? GoModFile.parse(goMod).goVersion() : Optional.empty();
    }

    @Override
    public String getCacheId() {
        return moduleDirectory() + "|" + version + "|" + goModCompatible;
    }

    @Override
    public String toString() {
        return "RequireGoVersion[version=" + version + ", goModCompatible=" + goModCompatible + "]";
    }
}
