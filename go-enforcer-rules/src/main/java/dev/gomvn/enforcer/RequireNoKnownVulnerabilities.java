package dev.gomvn.enforcer;

import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.vuln.GovulncheckInstaller;
import dev.gomvn.core.vuln.GovulncheckOutput;
import dev.gomvn.core.vuln.OfflinePolicy;
import dev.gomvn.core.vuln.ScanLevel;
import dev.gomvn.core.vuln.VulnerabilityDatabase;
import dev.gomvn.core.vuln.VulnerabilityIgnore;
import dev.gomvn.core.vuln.VulnerabilityReport;
import dev.gomvn.core.vuln.VulnerabilityScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * No known vulnerability may be reachable from the module's code: govulncheck (golang.org/x/vuln, pinned, built
 * with the build's Go through its GOPROXY) scans the module's packages in source mode against the Go vulnerability
 * database. Only vulnerabilities reached at the scan level fail (by default: a vulnerable function is called);
 * those merely present are listed at INFO. Accepted ones are named in {@code <ignores>} with a reason and an
 * optional expiry date.
 */
@Named("requireNoKnownVulnerabilities")
public final class RequireNoKnownVulnerabilities extends AbstractGoRule {

    /**
     * The vulnerability database: an http(s) URL or a file: directory in the v1 layout; unset, the {@code
     * go.vulnDatabase} property, else vuln.go.dev.
     */
    private String database;

    /** module, package or symbol: what counts as reached. */
    private String scanLevel = "symbol";

    /** Accepted vulnerabilities. */
    private List<Ignore> ignores = new ArrayList<>();

    /** fail or warn when Maven runs offline and no local copy of the database can answer. */
    private String offline = "fail";

    @Inject
    public RequireNoKnownVulnerabilities(GoRuleContext context) {
        super(context);
    }

    @Override
    String enforce(Path directory) throws RuleViolation {
        if (!Files.isRegularFile(directory.resolve("go.mod"))) {
            throw new RuleViolation(directory + " has .go files but no go.mod, so govulncheck cannot scan it. Fix: "
                    + "run 'go mod init <module path>' and 'go mod tidy', and commit go.mod and go.sum.");
        }
        ScanLevel level = ScanLevel.parse(scanLevel);
        OfflinePolicy offlinePolicy = OfflinePolicy.parse(offline);
        List<VulnerabilityIgnore> accepted = ignores.stream()
                .map(ignore -> VulnerabilityIgnore.of(ignore.id(), ignore.reason(), ignore.expires()))
                .toList();
        Toolchain toolchain = toolchain(directory);
        Path cache = gomvnCache();
        // The download root's login belongs to its own host; the database gets the proxies only.
        HttpDownloader downloader =
                new HttpDownloader(network().withCredentials(null), goLog(), VulnerabilityDatabase.PARAMETER);
        Optional<VulnerabilityDatabase.Local> local = new VulnerabilityDatabase(downloader, goLog())
                .prepare(database(), directory, offline(), offlinePolicy, cache, lockTimeout());
        if (local.isEmpty()) {
            return null;
        }
        Path govulncheck = new GovulncheckInstaller(goLog())
                .install(toolchain, goEnvironment(), proxyLogin(), offline(), cache, lockTimeout());
        GovulncheckOutput output = new VulnerabilityScanner(goLog())
                .scan(
                        govulncheck,
                        toolchain,
                        goEnvironment(),
                        directory,
                        local.get().url(),
                        level);
        VulnerabilityReport report = VulnerabilityReport.judge(output, level, accepted, LocalDate.now());
        report.notReached().forEach(line -> getLog().info(ruleName() + ": " + line));
        report.warnings().forEach(getLog()::warn);
        String scanned = "govulncheck " + GovulncheckInstaller.VERSION + ", scan level " + level.flag() + ", database: "
                + local.get().origin();
        if (!report.passed()) {
            throw new RuleViolation(
                    HumanReadable.count(report.failures().size(), "known vulnerability is", "known vulnerabilities are")
                            + " reachable from " + directory + " (" + scanned + "):" + System.lineSeparator()
                            + String.join(System.lineSeparator(), report.failures()));
        }
        return "no known vulnerability reachable ("
                + (report.notReached().isEmpty()
                        ? ""
                        : HumanReadable.count(report.notReached().size(), "more is", "more are")
                                + " present but not reached; ")
                + scanned + ")";
    }

    @Override
    public String getCacheId() {
        // Not cached across modules: each Maven module is its own Go module with its own dependencies.
        return moduleDirectory() + "|" + database() + "|" + scanLevel + "|" + ignores + "|" + offline;
    }

    private String database() {
        if (database != null && !database.isBlank()) {
            return database;
        }
        return property(VulnerabilityDatabase.PROPERTY).orElse(VulnerabilityDatabase.DEFAULT);
    }

    @Override
    public String toString() {
        return "RequireNoKnownVulnerabilities[database=" + database() + ", scanLevel=" + scanLevel + ", ignores="
                + ignores + ", offline=" + offline + "]";
    }
}
