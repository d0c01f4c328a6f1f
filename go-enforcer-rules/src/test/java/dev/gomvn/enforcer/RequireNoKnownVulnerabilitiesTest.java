package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requireNoKnownVulnerabilities' parameters: most are judged before any scan (a bad value, an offline build
 * without a database); one test really scans, with govulncheck, against examples/vulndb.
 */
class RequireNoKnownVulnerabilitiesTest {
    private static final Path EXAMPLE_DATABASE =
            Path.of("..", "examples", "vulndb").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    RuleFixture fixture;

    @BeforeEach
    void module() {
        fixture = RuleFixture.isolatedGo(temp.resolve("app"), temp.resolve("home"), Map.of());
        fixture.write("go.mod", "module example.com/app\n\ngo 1.22\n");
        fixture.write("main.go", "package main\n\nfunc main() {}\n");
    }

    private RequireNoKnownVulnerabilities rule(Map<String, Object> parameters) {
        return fixture.rule(RequireNoKnownVulnerabilities::new, parameters);
    }

    static Ignore ignore(String id, String reason, String expires) {
        Ignore ignore = new Ignore();
        RuleFixture.set(ignore, "id", id);
        RuleFixture.set(ignore, "reason", reason);
        RuleFixture.set(ignore, "expires", expires);
        return ignore;
    }

    @Test
    void anUnknownScanLevelFailsNamingTheParameterAndTheLevels() {
        assertThatThrownBy(() -> rule(Map.of("scanLevel", "function")).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<scanLevel> is 'function'; use module, package or symbol (the default: only vulnerable "
                        + "functions your code calls fail the rule).");
    }

    @Test
    void anUnknownOfflinePolicyFailsNamingTheParameterAndTheChoices() {
        assertThatThrownBy(() -> rule(Map.of("offline", "skip")).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<offline> is 'skip'; use fail (the default) or warn.");
    }

    @Test
    void anIgnoreNeedsAnIdAReasonAndAnIsoExpiryDate() {
        assertThatThrownBy(() -> rule(Map.of("ignores", List.of(ignore(" ", "accepted", null))))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("An <ignore> in <ignores> has no <id>; name the OSV id, e.g. <id>GO-2021-0113</id>.");
        assertThatThrownBy(() -> rule(Map.of("ignores", List.of(ignore("GO-2021-0113", null, "2027-01-31"))))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("The <ignore> of GO-2021-0113 has no <reason>; say why");
        assertThatThrownBy(() -> rule(Map.of("ignores", List.of(ignore("GO-2021-0113", "no input", "31.01.2027"))))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("The <ignore> of GO-2021-0113 has <expires>31.01.2027</expires>; write the date as "
                        + "YYYY-MM-DD, e.g. <expires>2027-01-31</expires>.");
    }

    @Test
    void offlineWithoutACopyOfTheDefaultDatabaseFailsByDefault() {
        fixture.build.offline();
        Path copy = fixture.build.localRepository().resolve(".cache/gomvn/vulndb/vuln.go.dev");
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleError.class)
                .hasMessage("Maven runs offline (-o) and there is no local copy of the vulnerability database "
                        + "https://vuln.go.dev yet, so the module cannot be checked for known vulnerabilities. Fix: "
                        + "run once online to download it (into " + copy + "), point <database> at a file: mirror, "
                        + "or set <offline>warn</offline> to only warn when offline.");
    }

    @Test
    void offlineWarnSkipsTheCheckWithAWarningAndNoPassedLine() throws Exception {
        fixture.build.offline();
        rule(Map.of("offline", "WARN")).execute();
        assertThat(fixture.warnings)
                .singleElement()
                .asString()
                .startsWith("Maven runs offline (-o) and there is no local copy of the vulnerability database "
                        + "https://vuln.go.dev yet")
                .endsWith("point <database> at a file: mirror, <offline>warn</offline> skips the check until then.");
        assertThat(fixture.info).noneMatch(line -> line.contains(" passed for "));
    }

    @Test
    void withoutDatabaseTheGoVulnDatabasePropertyNamesIt() {
        fixture.build.offline();
        fixture.build.userProperties.setProperty("go.vulnDatabase", "https://vulndb.example.com/go");
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleError.class)
                .hasMessageStartingWith("Maven runs offline (-o) and there is no local copy of the vulnerability "
                        + "database https://vulndb.example.com/go yet")
                .hasMessageContaining(".cache/gomvn/vulndb/vulndb.example.com_go)");
    }

    @Test
    void databaseWinsOverTheProperty() {
        fixture.build.userProperties.setProperty(
                "go.vulnDatabase", EXAMPLE_DATABASE.toUri().toString());
        Path empty = temp.resolve("empty-mirror");
        assertThatThrownBy(
                        () -> rule(Map.of("database", empty.toUri().toString())).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("<database> (go.vulnDatabase) " + empty.toUri() + " is no vulnerability "
                        + "database in the v1 layout: " + empty.resolve("index/modules.json") + " does not exist.");
    }

    @Test
    void aDatabaseThatIsNoUrlFailsNamingTheParameterAndItsProperty() {
        fixture.build.userProperties.setProperty("go.vulnDatabase", "ftp://mirror.example.com/vulndb");
        assertThatThrownBy(() -> rule(Map.of()).execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<database> (go.vulnDatabase) is 'ftp://mirror.example.com/vulndb'; use an http(s) URL "
                        + "of a vulnerability database (default https://vuln.go.dev) or a file: URL of a directory in "
                        + "its v1 layout, e.g. file:///srv/vulndb.");
    }

    @Test
    void everyParameterIsPartOfTheCacheIdAndTheDescription() {
        RequireNoKnownVulnerabilities defaults = rule(Map.of());
        assertThat(defaults)
                .hasToString("RequireNoKnownVulnerabilities[database=https://vuln.go.dev, scanLevel=symbol, "
                        + "ignores=[], offline=fail]");
        Map<String, Object> configured = new HashMap<>();
        configured.put("database", "https://vulndb.example.com");
        configured.put("scanLevel", "package");
        configured.put("ignores", List.of(ignore("GO-2021-0113", "no input", "2027-01-31")));
        configured.put("offline", "warn");
        assertThat(rule(configured))
                .hasToString("RequireNoKnownVulnerabilities[database=https://vulndb.example.com, scanLevel=package, "
                        + "ignores=[GO-2021-0113 until 2027-01-31 (reason: no input)], offline=warn]");
        Set<String> ids = new java.util.HashSet<>();
        ids.add(defaults.getCacheId());
        configured.forEach((name, value) -> ids.add(rule(Map.of(name, value)).getCacheId()));
        fixture.build.userProperties.setProperty("go.vulnDatabase", "https://mirror.example.org");
        ids.add(rule(Map.of()).getCacheId());
        ids.add(rule(Map.of("ignores", List.of(ignore("GO-2021-0113", null, "2027-01-31"))))
                .getCacheId());
        assertThat(ids)
                .as("one cache id per configuration, an ignore without its reason too")
                .hasSize(7);
        assertThat(rule(Map.of()))
                .as("the property, when <database> is unset")
                .hasToString("RequireNoKnownVulnerabilities[database=https://mirror.example.org, scanLevel=symbol, "
                        + "ignores=[], offline=fail]");
    }

    /**
     * The one real scan: golang.org/x/text v0.3.6 is vendored (a stand-in, so nothing is downloaded) and its package
     * language imported without calling Parse; examples/vulndb, named by the go.vulnDatabase property, has
     * GO-2021-0113 for it. govulncheck is built from the module cache, or fetched through GOPROXY if missing.
     */
    @Test
    void theScanLevelDecidesWhatFailsAndAnIgnoreHoldsUntilItExpires() throws Exception {
        fixture = RuleFixture.isolatedGo(
                temp.resolve("scanned"),
                temp.resolve("home"),
                Map.of(
                        "GOPROXY", RuleFixture.machineGoEnv("GOPROXY"),
                        "GOMODCACHE", RuleFixture.machineGoEnv("GOMODCACHE"),
                        "GOCACHE", RuleFixture.machineGoEnv("GOCACHE")));
        fixture.build.userProperties.setProperty(
                "go.vulnDatabase", EXAMPLE_DATABASE.toUri().toString());
        fixture.write("go.mod", "module example.com/app\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.6\n");
        fixture.write("vendor/modules.txt", "# golang.org/x/text v0.3.6\n## explicit\ngolang.org/x/text/language\n");
        fixture.write(
                "vendor/golang.org/x/text/language/language.go",
                "package language\n\nfunc Parse(s string) (string, error) { return s, nil }\n\n"
                        + "func Und() string { return \"und\" }\n");
        fixture.write(
                "main.go",
                "package main\n\nimport \"golang.org/x/text/language\"\n\nfunc main() { println(language.Und()) }\n");
        String scanned = "govulncheck v1.9.0, scan level %s, database: " + EXAMPLE_DATABASE;

        rule(Map.of()).execute();
        assertThat(fixture.passedLine())
                .endsWith(": no known vulnerability reachable (1 more is present but not reached; "
                        + scanned.formatted("symbol") + ")");

        String nl = System.lineSeparator();
        Ignore expired = ignore("GO-2021-0113", "tags come from our own config", "2020-01-31");
        assertThatThrownBy(() -> rule(Map.of("scanLevel", "package", "ignores", List.of(expired)))
                        .execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("1 known vulnerability is reachable from " + fixture.basedir + " ("
                        + scanned.formatted("package") + "):" + nl
                        + "GO-2021-0113 (CVE-2021-38561, GHSA-ppp9-7jff-5vj2) Out-of-bounds read in "
                        + "golang.org/x/text/language" + nl
                        + "  golang.org/x/text v0.3.6 is in use, fixed in v0.3.7" + nl
                        + "  imported package: golang.org/x/text/language" + nl
                        + "  The <ignore> of GO-2021-0113 expired on 2020-01-31 (reason: tags come from our own "
                        + "config): review it and move its <expires>, or fix the vulnerability." + nl
                        + "  Fix: go get golang.org/x/text@v0.3.7 && go mod tidy, then commit go.mod and go.sum.");

        String until = LocalDate.now().plusDays(1).toString();
        Ignore holding = ignore("GO-2021-0113", "tags come from our own config", until);
        fixture.info.clear();
        rule(Map.of("scanLevel", "package", "ignores", List.of(holding))).execute();
        assertThat(fixture.warnings)
                .singleElement()
                .asString()
                .startsWith(
                        "Ignored as configured (tags come from our own config, until " + until + "): GO-2021-0113 ");
        assertThat(fixture.passedLine())
                .endsWith(": no known vulnerability reachable (" + scanned.formatted("package") + ")");
    }
}
