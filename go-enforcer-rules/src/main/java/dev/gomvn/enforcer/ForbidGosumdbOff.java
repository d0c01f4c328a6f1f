package dev.gomvn.enforcer;

import dev.gomvn.core.ConfigurationException;
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
    String enforce(Path directory) throws RuleViolation {
        List<String> malformed = ModulePathPatterns.parse(String.join(",", allowedPrivatePatterns))
                .malformed();
        if (!malformed.isEmpty()) {
            throw new ConfigurationException(
                    "allowedPrivatePatterns",
                    "<allowedPrivatePatterns> has the malformed pattern '" + malformed.get(0)
                            + "': a [ ] class must be closed and hold a character. Patterns are matched like "
                            + "GOPRIVATE's, e.g. corp.example.com or *.corp.example.com.");
        }
        Toolchain toolchain = toolchain(directory);
        GoEnvironment environment = effectiveGoEnvironment(toolchain);
        String exempt = exemptPatterns(environment);
        List<String> modules = buildListModules(toolchain, directory, exempt);
        report(ChecksumPolicy.check(
                environment,
                settingSources(toolchain, environment),
                modules == null ? List.of() : modules,
                allowedPrivatePatterns,
                // Compared with GOINSECURE's globs as Go reads them: "corp.example.com/" is "corp.example.com".
                ModulePathPatterns.parse(String.join(",", allowedInsecurePatterns))
                        .globs()));
        return "checksum database " + checksumDatabaseName(environment) + " is on"
                + (ModulePathPatterns.parse(exempt).isEmpty()
                        ? ", no GONOSUMDB/GOPRIVATE exemption"
                        : ", GONOSUMDB/GOPRIVATE " + exempt + " covers no public module"
                                + (modules == null
                                        ? ""
                                        : " and no module of the build outside <allowedPrivatePatterns>"))
                + (environment.get("GOINSECURE").isBlank()
                        ? ", no GOINSECURE"
                        : ", GOINSECURE " + environment.get("GOINSECURE") + " allowed")
                + ", no -insecure in GOFLAGS";
    }

    /** GONOSUMDB, which go env already reports defaulted to GOPRIVATE; the fallback covers older Go versions. */
    private static String exemptPatterns(GoEnvironment environment) {
        return environment.get("GONOSUMDB").isBlank() ? environment.get("GOPRIVATE") : environment.get("GONOSUMDB");
    }

    /** The database's name from GOSUMDB ("name[+key] [url]"): never its URL, which may carry a login. */
    private static String checksumDatabaseName(GoEnvironment environment) {
        String gosumdb = environment.get("GOSUMDB").strip();
        if (gosumdb.isEmpty()) {
            return "sum.golang.org";
        }
        String name = gosumdb.split("\\s+")[0];
        int key = name.indexOf('+');
        return key < 0 ? name : name.substring(0, key);
    }

    /**
     * Only needed when some pattern exempts modules; then every module of the build is checked against it.
     * Null when they were not listed (no pattern, no go.mod, or listing failed): only the patterns are checked.
     */
    private List<String> buildListModules(Toolchain toolchain, Path directory, String exempt) {
        if (ModulePathPatterns.parse(exempt).isEmpty() || !Files.isRegularFile(directory.resolve("go.mod"))) {
            return null;
        }
        try {
            return BuildList.load(toolchain, directory, goEnvironment(), offline(), goLog()).dependencies().stream()
                    .map(BuildList.ModuleVersion::path)
                    .toList();
        } catch (GoCoreException e) {
            getLog().warn("forbidGosumdbOff could not list the build's modules, so it checked only the patterns: "
                    + e.getMessage());
            return null;
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
