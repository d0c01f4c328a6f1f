package dev.gomvn.core.buildcache;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.net.UrlLogin;
import dev.gomvn.core.process.PerRun;
import dev.gomvn.core.provision.install.FileTrees;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shared Go build cache for one goal: the variables that make every go command of the goal use the cache
 * program ({@link #environment}), and at the end one summary line and, if something went wrong, one warning per
 * kind of trouble ({@link #report}). The cache programs of the goal's go processes meet in a run directory:
 * each leaves its statistics there, and the first to see the store fail leaves the reason, which stops the
 * others from asking the store.
 */
public final class SharedBuildCache {
    /** GOCACHEPROG left the experiments (GOEXPERIMENT=cacheprog) in Go 1.24. */
    public static final GoVersion FIRST_GO = GoVersion.parse("1.24");

    static final String STORE_FAILED = "store-failed";

    /** How the cache program's reason for giving the store up starts when the store was too slow. */
    static final String SLOW = "slow: ";

    /** Set in every environment that runs go with gomvn's cache program. */
    static final String LOCAL_DIRECTORY_VARIABLE = "GOMVN_CACHE_DIR";

    private final BuildCacheSettings settings;
    private final FailedStores failedStores;
    private final boolean storeAsked;
    private final Path program;
    private final Path runDirectory;
    private final GoLog log;

    private SharedBuildCache(
            BuildCacheSettings settings,
            FailedStores failedStores,
            boolean storeAsked,
            Path program,
            Path runDirectory,
            GoLog log) {
        this.settings = settings;
        this.failedStores = failedStores;
        this.storeAsked = storeAsked;
        this.program = program;
        this.runDirectory = runDirectory;
        this.log = log;
    }

    /**
     * Ready for a goal's go commands, or nothing (with a warning) when this Go cannot run a cache program.
     *
     * @param failedStores the stores that failed earlier in this build, which this goal does not ask again
     * @param runDirectory emptied now: it holds only this goal's reports
     * @param environment  the goal's environment, which must not set GOCACHEPROG itself
     */
    public static Optional<SharedBuildCache> start(
            BuildCacheSettings settings,
            FailedStores failedStores,
            Toolchain toolchain,
            Path sdkDirectory,
            Path runDirectory,
            Map<String, String> environment,
            GoLog log) {
        String ownProgram = environment.getOrDefault("GOCACHEPROG", "");
        if (!ownProgram.isBlank()) {
            throw new ConfigurationException(
                    "go.buildCache.url",
                    BuildCacheSettings.URL_PARAMETER + " runs go with gomvn's cache program, but GOCACHEPROG is"
                            + " already set (to '" + UrlLogin.redact(ownProgram) + "', by <environment> or the"
                            + " environment of Maven): remove one of the two.");
        }
        if (toolchain.version().compareTo(FIRST_GO) < 0) {
            log.warn("The shared build cache (" + BuildCacheSettings.URL_PARAMETER + ") needs Go " + FIRST_GO
                    + " or newer (GOCACHEPROG); this build uses Go " + toolchain.version()
                    + " and goes on without it.");
            return Optional.empty();
        }
        Path executable = CacheProgram.install(toolchain, sdkDirectory, environment, log);
        try {
            FileTrees.delete(runDirectory);
            Files.createDirectories(runDirectory);
            Files.createDirectories(settings.localDirectory());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Could not prepare " + runDirectory + " and " + settings.localDirectory()
                            + " for the shared build cache: " + e.getMessage(),
                    e);
        }
        String earlierFailure = failedStores.reason(settings.url()).orElse(null);
        if (settings.offline()) {
            log.info("Offline: the shared build cache answers from " + settings.localDirectory() + " only, not from "
                    + settings.displayUrl() + ".");
        } else if (earlierFailure != null) {
            log.info("The shared build cache " + settings.displayUrl() + " failed earlier in this build ("
                    + UrlLogin.redact(earlierFailure) + "); this goal uses only " + settings.localDirectory() + ".");
        }
        boolean storeAsked = !settings.offline() && earlierFailure == null;
        return Optional.of(new SharedBuildCache(settings, failedStores, storeAsked, executable, runDirectory, log));
    }

    /**
     * {@code environment} with the variables that make go use the cache's local directory. None of them is a
     * store setting: those reach a go run through {@link #storeAccess}, in a file only its cache program reads.
     */
    public Map<String, String> environment(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>(environment);
        result.put("GOCACHEPROG", program.toString());
        result.put(LOCAL_DIRECTORY_VARIABLE, settings.localDirectory().toString());
        result.put("GOMVN_CACHE_RUN_DIR", runDirectory.toString());
        result.put("GOMVN_CACHE_READ_ONLY", String.valueOf(settings.readOnly()));
        result.put("GOMVN_CACHE_TIMEOUT", seconds(settings.timeout()));
        result.put("GOMVN_CACHE_CONNECT_TIMEOUT", seconds(settings.connectTimeout()));
        result.put("GOMVN_CACHE_READ_TIMEOUT", seconds(settings.readTimeout()));
        return result;
    }

    /**
     * The store's URL and login for each go run that compiles with the cache (go build, go test), in a one-shot
     * file; nothing when this goal does not ask the store (offline, or it failed earlier in the build).
     */
    public PerRun storeAccess() {
        return storeAsked ? new StoreAccessFiles(runDirectory.resolve("private"), settings) : PerRun.NOTHING;
    }

    /** The summary of the goal's go runs, and a warning each for a failed store and for corrupted entries. */
    public void report() {
        Optional<BuildCacheStatistics> statistics = BuildCacheStatistics.read(runDirectory);
        String store = settings.displayUrl();
        storeFailure().ifPresent(reason -> {
            boolean slow = reason.startsWith(SLOW);
            String why = UrlLogin.redact(slow ? reason.substring(SLOW.length()) : reason);
            failedStores.record(settings.url(), slow ? "too slow: " + why : why);
            log.warn(slow ? slowWarning(why, statistics) : failureWarning(why));
        });
        statistics
                .filter(s -> !s.corrupt().isEmpty())
                .ifPresent(s -> log.warn("The shared build cache " + store + " served "
                        + (s.corrupt().size() == 1 ? "1 entry" : s.corrupt().size() + " entries")
                        + " whose content does not match its SHA-256 (e.g. "
                        + s.corrupt().get(0)
                        + "): not used, go built them again"
                        + (settings.readOnly() ? "" : " and replaced them in the store")
                        + ". Something wrote wrong content into the store; look at who can write to it."));
        statistics
                .filter(s -> !s.refusedSizes().isEmpty())
                .ifPresent(s -> log.warn("The shared build cache " + store + " refused "
                        + HumanReadable.count(s.refusedSizes().size(), "output", "outputs")
                        + " as too large (HTTP 413; the largest "
                        + HumanReadable.size(Collections.max(s.refusedSizes()))
                        + "): they stay in the local directory only. Raise the store's upload limit (nginx:"
                        + " client_max_body_size 0)."));
        statistics.ifPresent(s -> log.info("Shared build cache " + store
                + (settings.readOnly() ? " (read-only)" : "") + (storeAsked ? "" : " (local directory only)") + ": "
                + s.describe()));
    }

    private String failureWarning(String why) {
        return "The shared build cache " + settings.displayUrl() + " failed: " + why
                + ". The rest of this build goes on without it (only " + settings.localDirectory()
                + "); check the store, " + BuildCacheSettings.URL_PARAMETER + " and its <server>.";
    }

    private String slowWarning(String why, Optional<BuildCacheStatistics> statistics) {
        long dropped = statistics.map(BuildCacheStatistics::droppedUploads).orElse(0L);
        return "The shared build cache " + settings.displayUrl() + " is too slow for this build: " + why
                + ". The rest of this build goes on without it (only " + settings.localDirectory() + ")"
                + (dropped == 0 ? "" : ", " + HumanReadable.count(dropped, "output", "outputs") + " not uploaded")
                + ". If the store cannot be faster, give it more time with " + BuildCacheSettings.TIMEOUT_PARAMETER
                + " (now " + HumanReadable.duration(settings.timeout()) + ").";
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toMillis() / 1000.0);
    }

    private Optional<String> storeFailure() {
        Path marker = runDirectory.resolve(STORE_FAILED);
        try {
            return Files.exists(marker)
                    ? Optional.of(
                            Files.readString(marker, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("(its reason could not be read: " + e.getMessage() + ")");
        }
    }
}
