package dev.gomvn.core.policy;

import dev.gomvn.core.env.GoEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Is checksum-database verification really on? GOSUMDB=off is the obvious way to turn it off; the
 * quiet ones are GONOSUMDB or GOPRIVATE (its default) patterns wide enough to cover public modules
 * ({@code *}, {@code github.com}), GOINSECURE, and {@code -insecure} in GOFLAGS. Variables that merely
 * look like protections ({@code GONOSUMCHECK}) do nothing, and their users should know.
 */
public final class ChecksumPolicy {
    /** Well-known public modules: a pattern matching any of them exempts public code from verification. */
    static final List<String> PUBLIC_MODULES = List.of(
            "github.com/stretchr/testify",
            "golang.org/x/net",
            "google.golang.org/grpc",
            "gopkg.in/yaml.v3",
            "k8s.io/api",
            "sigs.k8s.io/controller-runtime",
            "go.uber.org/zap",
            "gitlab.com/gitlab-org/api/client-go",
            "bitbucket.org/creachadair/shell",
            "cloud.google.com/go",
            "github.com/aws/aws-sdk-go-v2");

    /** Names people set believing they protect something; Go reads none of them. */
    static final Set<String> BOGUS = Set.of(
            "GONOSUMCHECK",
            "GONOSUMDB_OFF",
            "GOSUMCHECK",
            "GONOSUMVERIFY",
            "GOSUMDB_OFF",
            "GOVERIFY",
            "GOSUMVERIFY",
            "GONOVERIFY",
            "GOCHECKSUM",
            "GONOCHECKSUM",
            "GOSUMDB_DISABLE");

    /** The variables `go help environment` documents whose names look checksum- or proxy-related. */
    static final Set<String> KNOWN = Set.of(
            "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOPROXY", "GOINSECURE", "GOFLAGS", "GOAUTH", "GOVCS");

    private static final Pattern LOOKS_LIKE_GO_SETTING =
            Pattern.compile("GO[A-Z0-9_]*(SUM|PROXY|PRIVATE|INSECURE|VERIFY|CHECK)[A-Z0-9_]*");
    private static final Pattern INSECURE_FLAG = Pattern.compile("(^|\\s)--?insecure(=\\S*)?(\\s|$)");

    /** How many exempt modules a message names; the rest are counted, and listed at debug level. */
    private static final int EXAMPLES = 3;

    private ChecksumPolicy() {}

    /** {@code a}, or {@code 181 modules (a, b, c and 178 more)}. */
    private static String named(List<String> modules) {
        if (modules.size() == 1) {
            return modules.get(0);
        }
        String examples = String.join(", ", modules.subList(0, Math.min(EXAMPLES, modules.size())));
        return modules.size() + " modules (" + examples
                + (modules.size() > EXAMPLES ? " and " + (modules.size() - EXAMPLES) + " more, all listed with -X" : "")
                + ")";
    }

    /**
     * @param buildListModules        module paths of the build list (may be empty when unknown)
     * @param allowedPrivatePatterns  module patterns the user declares truly private
     * @param allowedInsecurePatterns GOINSECURE patterns the user accepts
     */
    public static List<PolicyFinding> check(
            GoEnvironment environment,
            GoSettingSources sources,
            List<String> buildListModules,
            List<String> allowedPrivatePatterns,
            List<String> allowedInsecurePatterns) {
        List<PolicyFinding> findings = new ArrayList<>();
        if (environment.get("GOSUMDB").strip().equals("off")) {
            SettingSource source = sources.sourceOf("GOSUMDB");
            findings.add(PolicyFinding.error(
                    "GOSUMDB",
                    "GOSUMDB=off (set by " + source + ") switches off checksum-database "
                            + "verification of every new module, so a tampered dependency goes unnoticed. Fix: "
                            + source.howToRemove("GOSUMDB") + "."));
        }
        checkNoSumDb(environment, sources, buildListModules, allowedPrivatePatterns, findings);
        ModulePathPatterns insecure = ModulePathPatterns.parse(environment.get("GOINSECURE"));
        List<String> notAllowed = insecure.globs().stream()
                .filter(g -> !allowedInsecurePatterns.contains(g))
                .toList();
        if (!notAllowed.isEmpty()) {
            SettingSource source = sources.sourceOf("GOINSECURE");
            findings.add(PolicyFinding.error(
                    "GOINSECURE",
                    "GOINSECURE=" + insecure + " (set by " + source + ") lets "
                            + String.join(", ", notAllowed)
                            + " be fetched over plain HTTP or unverified TLS, and skips checksum "
                            + "verification for them. Fix: " + source.howToRemove("GOINSECURE")
                            + ", or list the patterns in <allowedInsecurePatterns> if you accept that."));
        }
        String goFlags = environment.get("GOFLAGS");
        if (INSECURE_FLAG.matcher(goFlags).find()) {
            SettingSource source = sources.sourceOf("GOFLAGS");
            findings.add(PolicyFinding.error(
                    "GOFLAGS",
                    "GOFLAGS=" + goFlags + " (set by " + source + ") contains -insecure, "
                            + "which Go removed in 1.17: every go command now fails, and it shows someone wanted to skip "
                            + "verification. Fix: " + source.howToRemove("GOFLAGS") + " (or drop -insecure from it)."));
        }
        sources.namedVariables().forEach((name, source) -> {
            if (BOGUS.contains(name) || LOOKS_LIKE_GO_SETTING.matcher(name).matches() && !KNOWN.contains(name)) {
                findings.add(
                        PolicyFinding.warning(
                                name,
                                name + " (set by " + source + ") is not a Go setting and has no "
                                        + "effect: the protection it suggests does not exist. Use GOSUMDB, GONOSUMDB or GOPRIVATE instead."));
            }
        });
        return findings;
    }

    /**
     * GONOSUMDB (or GOPRIVATE, which it defaults to) must not match public modules, and may exempt the build's modules
     * only through patterns the user declares private.
     */
    private static void checkNoSumDb(
            GoEnvironment environment,
            GoSettingSources sources,
            List<String> buildListModules,
            List<String> allowedPrivatePatterns,
            List<PolicyFinding> findings) {
        // go env reports GONOSUMDB already defaulted to GOPRIVATE: blame the variable a layer really set.
        boolean gonosumdbSet = sources.sourceOf("GONOSUMDB").layer() != SettingSource.Layer.DEFAULT;
        String noSumDbName = gonosumdbSet || environment.get("GOPRIVATE").isBlank() ? "GONOSUMDB" : "GOPRIVATE";
        ModulePathPatterns noSumDb = ModulePathPatterns.parse(
                environment.get("GONOSUMDB").isBlank() ? environment.get(noSumDbName) : environment.get("GONOSUMDB"));
        if (!noSumDb.isEmpty()) {
            SettingSource source = sources.sourceOf(noSumDbName);
            String via = noSumDbName.equals("GOPRIVATE") ? " (GONOSUMDB is unset, so it defaults to GOPRIVATE)" : "";
            for (String glob : noSumDb.globs()) {
                ModulePathPatterns single = ModulePathPatterns.parse(glob);
                PUBLIC_MODULES.stream()
                        .filter(single::matches)
                        .findFirst()
                        .ifPresent(publicModule -> findings.add(PolicyFinding.error(
                                noSumDbName,
                                noSumDbName + "=" + noSumDb + " (set by " + source + ")" + via
                                        + " has the pattern '" + glob + "', which matches public modules such as "
                                        + publicModule
                                        + ": that is GOSUMDB=off in disguise. Fix: list only your private module prefixes, e.g. "
                                        + noSumDbName + "=corp.example.com; " + source.howToRemove(noSumDbName)
                                        + ".")));
            }
            ModulePathPatterns allowed = ModulePathPatterns.parse(String.join(",", allowedPrivatePatterns));
            // One finding per pattern, not per module: a wide pattern covers hundreds of modules.
            Map<String, List<String>> exemptByGlob = new LinkedHashMap<>();
            for (String module : buildListModules) {
                String glob = noSumDb.matchingGlob(module);
                if (glob != null && !allowed.matches(module)) {
                    exemptByGlob.computeIfAbsent(glob, g -> new ArrayList<>()).add(module);
                }
            }
            exemptByGlob.forEach((glob, modules) -> findings.add(new PolicyFinding(
                    PolicyFinding.Severity.ERROR,
                    noSumDbName,
                    "The build uses " + named(modules) + ", which " + noSumDbName + "=" + noSumDb + " (set by "
                            + source + ")" + via + " exempts from checksum verification through the pattern '" + glob
                            + "'. If " + (modules.size() == 1 ? "it really is" : "they really are")
                            + " private, add the pattern to <allowedPrivatePatterns>; otherwise narrow " + noSumDbName
                            + ".",
                    modules.size() > EXAMPLES
                            ? modules.stream()
                                    .map(module -> module + " is exempt from checksum verification by " + noSumDbName
                                            + " pattern '" + glob + "'")
                                    .toList()
                            : List.of())));
        }
    }
}
