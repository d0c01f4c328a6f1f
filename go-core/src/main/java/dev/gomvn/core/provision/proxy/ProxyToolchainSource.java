package dev.gomvn.core.provision.proxy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.gomod.ModuleHash;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.provision.download.HttpDownloader;
import dev.gomvn.core.provision.download.NoSuchGoReleaseException;
import dev.gomvn.core.provision.download.ResourceNotFoundException;
import dev.gomvn.core.provision.install.ArchiveLayout;
import dev.gomvn.core.provision.install.ArchiveVerifier;
import dev.gomvn.core.provision.install.SdkInstallRequest;
import dev.gomvn.core.provision.install.SdkValidator;
import dev.gomvn.core.sumdb.ChecksumDatabase;
import dev.gomvn.core.sumdb.ChecksumDatabaseSetting;
import dev.gomvn.core.sumdb.TreeHeadStore;
import dev.gomvn.core.sumdb.VerifiedRecord;
import dev.gomvn.core.version.GoVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Go toolchain as the go command itself gets one: the module {@code golang.org/toolchain} at
 * version {@code v0.0.1-go<version>.<goos>-<goarch>} from the first GOPROXY entry that has it,
 * trusted only after its go.mod and zip hash to what the checksum database proves it holds, whatever
 * proxy served them.
 */
public final class ProxyToolchainSource {
    public static final String MODULE_PATH = "golang.org/toolchain";

    private final GoProxyList proxies;
    private final ChecksumDatabaseSetting database;
    private final TreeHeadStore treeHeads;
    private final ProxyClients clients;
    private final GoLog log;

    public ProxyToolchainSource(
            GoProxyList proxies,
            ChecksumDatabaseSetting database,
            TreeHeadStore treeHeads,
            NetworkSettings network,
            GoLog log) {
        this.proxies = proxies;
        this.database = database;
        this.treeHeads = treeHeads;
        this.clients = new ProxyClients(network, log);
        this.log = log;
    }

    public static String moduleVersion(GoVersion version, Platform platform) {
        return "v0.0.1-" + version.withGoPrefix() + "." + platform.key();
    }

    /**
     * What to install and from where: the request downloads the zip from {@code proxy} (credentials
     * hidden) and verifies its hash before the cache extracts it.
     */
    public record ProxyInstall(SdkInstallRequest request, String proxy) {}

    /** Looks the toolchain up in the checksum database, checks its go.mod, and plans the zip's download. */
    public ProxyInstall installRequest(GoVersion version, Platform platform, SdkValidator validator) {
        String moduleVersion = moduleVersion(version, platform);
        String module = MODULE_PATH + "@" + moduleVersion;
        SumDbConnection connection = new SumDbConnection(database, proxies, clients, log);
        VerifiedRecord record = lookUp(version, platform, connection);
        String zipHash = record.zipHash()
                .orElseThrow(() -> new VerificationException("The checksum database "
                        + database.name() + " holds no zip hash for " + module + " (its record: " + record.lines()
                        + "); it cannot be verified, so nothing was installed."));
        String goModHash = record.goModHash()
                .orElseThrow(() -> new VerificationException(
                        "The checksum database " + database.name() + " holds no go.mod hash for " + module
                                + "; it cannot be verified, so nothing was installed."));
        log.info("The checksum database " + database.name() + " (reached at " + connection.describe() + ") proves that "
                + module + " has the zip hash " + zipHash + " and the go.mod hash " + goModHash
                + " (signed tree of size "
                + record.treeSize() + ").");
        GoProxyList.Entry proxy = proxyWithVerifiedGoMod(module, moduleVersion, record, goModHash);
        URI zipUri = clients.urlOf(proxy, MODULE_PATH + "/@v/" + moduleVersion + ".zip");
        HttpDownloader downloader = clients.forProxy(proxy);
        String archiveName = moduleVersion + ".zip";
        ArchiveVerifier verifier = zip -> verifyZip(zip, zipHash, record, module, proxy);
        return new ProxyInstall(
                new SdkInstallRequest(
                        version.withGoPrefix(),
                        platform,
                        archiveName,
                        ArchiveLayout.toolchainModule(MODULE_PATH, moduleVersion),
                        verifier,
                        temporaryZip -> {
                            log.info("Downloading " + module + " from " + proxy.redacted());
                            try {
                                downloader.download(zipUri, temporaryZip);
                            } catch (ResourceNotFoundException e) {
                                throw new EnvironmentException(
                                        "The proxy " + proxy.redacted() + " served the go.mod of " + module
                                                + " but not its zip (HTTP 404); the proxy is incomplete. Nothing was installed.",
                                        e);
                            }
                        },
                        validator),
                proxy.redacted());
    }

    private VerifiedRecord lookUp(GoVersion version, Platform platform, SumDbConnection connection) {
        String moduleVersion = moduleVersion(version, platform);
        try {
            return new ChecksumDatabase(database.verifier(), connection, treeHeads, log)
                    .lookup(MODULE_PATH, moduleVersion);
        } catch (ChecksumDatabase.NoRecordException noRecord) {
            throw new NoSuchGoReleaseException(
                    version.withGoPrefix(),
                    platform,
                    "the checksum database " + database.name() + " (reached at " + connection.describe()
                            + ") has no record of " + MODULE_PATH + "@" + moduleVersion,
                    noRecord);
        }
    }

    /** The first proxy that serves the toolchain's go.mod, which must hash to what the checksum database records. */
    private GoProxyList.Entry proxyWithVerifiedGoMod(
            String module, String moduleVersion, VerifiedRecord record, String goModHash) {
        Found<byte[]> goMod = fetchGoMod(moduleVersion);
        String actualGoModHash = ModuleHash.ofGoMod(goMod.value());
        if (!actualGoModHash.equals(goModHash)) {
            throw new VerificationException(
                    "The go.mod of " + module + " served by " + goMod.proxy().redacted() + " hashes to "
                            + actualGoModHash + ", but " + record.describe() + " records " + goModHash
                            + ". The proxy served altered content; nothing was installed.");
        }
        return goMod.proxy();
    }

    /** The Go versions the first answering proxy lists for this platform ({@code @v/list}). */
    public List<GoVersion> availableVersions(Platform platform) {
        Found<byte[]> list = fetchFromProxies("list", MODULE_PATH + " versions");
        String suffix = "." + platform.key();
        List<GoVersion> versions = new ArrayList<>();
        for (String line : new String(list.value(), StandardCharsets.UTF_8).split("\n")) {
            String version = line.strip();
            if (version.startsWith("v0.0.1-go") && version.endsWith(suffix)) {
                try {
                    versions.add(GoVersion.parse(
                            version.substring("v0.0.1-".length(), version.length() - suffix.length()), "go.version"));
                } catch (GoCoreException notAVersion) {
                    log.debug("Ignoring the toolchain version " + version + " listed by "
                            + list.proxy().redacted());
                }
            }
        }
        return versions;
    }

    private ArchiveVerifier.VerifiedArchive verifyZip(
            Path zip, String expected, VerifiedRecord record, String module, GoProxyList.Entry proxy) {
        String actual = ModuleHash.ofZip(zip);
        if (!actual.equals(expected)) {
            throw new VerificationException(
                    "The zip of " + module + " served by " + proxy.redacted() + " hashes to " + actual
                            + ", but " + record.describe() + " records " + expected
                            + ". The download is corrupt or tampered with; nothing was installed.");
        }
        return new ArchiveVerifier.VerifiedArchive(
                Sha256.of(zip),
                record.database() + " (" + expected + " proven in its signed tree of size " + record.treeSize() + ")");
    }

    private Found<byte[]> fetchGoMod(String moduleVersion) {
        return fetchFromProxies(moduleVersion + ".mod", MODULE_PATH + "@" + moduleVersion);
    }

    /** {@code <proxy>/golang.org/toolchain/@v/<file>} from the first entry that has it, by GOPROXY's fallback rules. */
    private Found<byte[]> fetchFromProxies(String file, String what) {
        List<String> failures = new ArrayList<>();
        for (GoProxyList.Entry entry : proxies.entries()) {
            if (!entry.isUrl()) {
                if (entry.keyword().equals("off")) {
                    failures.add("off: GOPROXY=off forbids downloading modules");
                    break;
                }
                failures.add("direct: a toolchain comes only from a module proxy (the go command does the same)");
                continue;
            }
            URI uri = clients.urlOf(entry, MODULE_PATH + "/@v/" + file);
            try {
                Optional<byte[]> body = clients.forProxy(entry).fetchIfPresent(uri);
                if (body.isPresent()) {
                    return new Found<>(body.get(), entry);
                }
                failures.add(entry.redacted() + ": not found (HTTP 404/410)");
            } catch (EnvironmentException e) {
                failures.add(entry.redacted() + ": " + e.getMessage());
                if (!entry.fallBackOnAnyError()) {
                    break;
                }
            }
        }
        throw new EnvironmentException(
                "No entry of " + proxies.parameter() + " (" + proxies.describe() + ") served "
                        + what + ": " + String.join("; ", failures)
                        + ". Check the version exists for this platform, and set <proxy> (go.proxy) to a Go module proxy this machine can reach.");
    }

    private record Found<T>(T value, GoProxyList.Entry proxy) {}
}
