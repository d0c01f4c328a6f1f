package dev.gomvn.enforcer;

import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.env.GoEnvironment;
import dev.gomvn.core.modules.BuildList;
import dev.gomvn.core.policy.ChecksumPolicy;
import dev.gomvn.core.policy.ModulePathPatterns;
import dev.gomvn.core.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Checksum-database verification must really be on, judged from the effective configuration (process
 * environment, GOENV file, {@code $GOROOT/go.env} and the plugin's {@code <environment>}): no
 * GOSUMDB=off, no GONOSUMDB/GOPRIVATE pattern covering public modules or unlisted modules of the
 * build, no GOINSECURE unless allowed, no {@code -insecure} in GOFLAGS. Each finding names its layer.
 */
@Named("forbidGosumdbOff")
public final class ForbidGosumdbOff extends AbstractGoRule {

    /** Module path patterns that really are private and may skip the checksum database. */
    private List<String> allowedPrivatePatterns = new ArrayList<>();

    /** GOINSECURE patterns you accept. */
    private List<String> allowedInsecurePatterns = new ArrayList<>();

    @Inject
    public ForbidGosumdbOff(GoRuleContext context) {
        super(context);
    }

    @Override
    void enforce(Path directory) throws RuleViolation {
        Toolchain toolchain = toolchain(directory);
        GoEnvironment environment = effectiveGoEnvironment(toolchain);
        report(ChecksumPolicy.check(
                environment,
                settingSources(toolchain, environment),
                buildListModules(toolchain, directory, environment),
                allowedPrivatePatterns,
                allowedInsecurePatterns));
    }

    /** Only needed when some pattern exempts modules; then every module of the build is checked against it. */
    private List<String> buildListModules(Toolchain toolchain, Path directory, GoEnvironment environment) {
        String exempt =
                environment.get("GONOSUMDB").isBlank() ? environment.get("GOPRIVATE") : environment.get("GONOSUMDB");
        // go env already reports GONOSUMDB defaulted to GOPRIVATE; the fallback covers older Go versions.
        if (ModulePathPatterns.parse(exempt).isEmpty() || !Files.isRegularFile(directory.resolve("go.mod"))) {
            return List.of();
        }
        try {
            return BuildList.load(toolchain, directory, goEnvironment(), offline()).dependencies().stream()
                    .map(BuildList.ModuleVersion::path)
                    .toList();
        } catch (GoCoreException e) {
            getLog().warn("forbidGosumdbOff could not list the build's modules, so it checked only the patterns: "
                    + e.getMessage());
            return List.of();
        }
    }

    @Override
    public String getCacheId() {
        return moduleDirectory() + "|" + allowedPrivatePatterns + "|" + allowedInsecurePatterns;
    }

    @Override
    public String toString() {
        return "ForbidGosumdbOff[allowedPrivatePatterns=" + allowedPrivatePatterns + ", allowedInsecurePatterns="
                + allowedInsecurePatterns + "]";
    }
}
