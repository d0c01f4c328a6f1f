package dev.gomvn.core.gobuild;

import dev.gomvn.core.BoundedParallel;
import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.PhaseTimes;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.binary.BinaryVerifier;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.RuntimeNeeds;
import dev.gomvn.core.buildcache.PrefetchKey;
import dev.gomvn.core.cgo.CgoBinaries;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.process.Heartbeat;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds every requested package for every target, targets in parallel up to a bound, each target's
 * compiler output streamed live with its target as prefix, and a line every progress interval saying
 * how far each running target is. A failing target does not stop the others, so one run shows every
 * failure. Every binary is checked to be what was asked for.
 */
public final class GoBuilder {
    private final Toolchain toolchain;
    private final GoLog log;
    private final Duration progressInterval;

    public GoBuilder(Toolchain toolchain, GoLog log) {
        this(toolchain, log, Heartbeat.DEFAULT_INTERVAL);
    }

    /** @param progressInterval how often each running target says how far it is */
    public GoBuilder(Toolchain toolchain, GoLog log, Duration progressInterval) {
        this.toolchain = toolchain;
        this.log = log;
        this.progressInterval = progressInterval;
    }

    public BuildResult build(BuildRequest request) {
        return build(request, new PhaseTimes());
    }

    /** Builds as {@link #build(BuildRequest)} does, each phase's time added to {@code times}. */
    public BuildResult build(BuildRequest request, PhaseTimes times) {
        String whole = PhaseTimes.WHOLE_GOAL;
        times.time(
                whole,
                "target check",
                () -> TargetList.validate(
                        request.targets(),
                        DistList.of(toolchain, log),
                        toolchain.version().toString()));
        Map<String, String> names = BinaryNames.of(request.packages(), request.binaryNames(), request.defaultName());
        // SHA256SUMS lists this build's binaries: an earlier build's others must not linger beside them.
        times.time(
                whole,
                "stale binaries",
                () -> StaleBinaries.remove(
                        request.outputDirectory(),
                        request.stateDirectory(),
                        StaleBinaries.produced(
                                request.targets(),
                                names.values(),
                                request.sbom().isPresent()),
                        log));
        BuildInputs inputs = times.time(
                whole,
                "inputs",
                () -> BuildInputs.of(
                        request.moduleDirectory(),
                        toolchain.goRoot(),
                        request.options().environment(),
                        GoQuoting.split(request.options().buildFlags(), "go.buildFlags")));
        List<Supplier<TargetOutcome>> tasks = request.targets().stream()
                .<Supplier<TargetOutcome>>map(target -> () -> attempt(request, inputs, target, names, times))
                .toList();
        List<BuiltBinary> binaries = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TargetOutcome outcome : BoundedParallel.run("building", request.parallelism(), tasks)) {
            binaries.addAll(outcome.binaries());
            outcome.failure().ifPresent(failures::add);
        }
        if (!failures.isEmpty()) {
            throw new BuildFailedException(failures);
        }
        Path sums = request.outputDirectory().resolve("SHA256SUMS");
        Map<Path, String> digests = new LinkedHashMap<>();
        binaries.forEach(binary -> {
            digests.put(binary.file(), binary.sha256());
            binary.sbom().ifPresent(sbom -> digests.put(sbom.file(), sbom.sha256()));
        });
        times.time(whole, "SHA256SUMS", () -> Sha256Sums.write(sums, digests));
        return new BuildResult(List.copyOf(binaries), sums);
    }

    /** A target's binaries, or why it failed: a failing target does not stop the others. */
    private record TargetOutcome(List<BuiltBinary> binaries, Optional<String> failure) {}

    private TargetOutcome attempt(
            BuildRequest request, BuildInputs inputs, BuildTarget target, Map<String, String> names, PhaseTimes times) {
        try {
            return new TargetOutcome(buildTarget(request, inputs, target, names, times), Optional.empty());
        } catch (RuntimeException e) {
            return new TargetOutcome(List.of(), Optional.of(target + ": " + e.getMessage()));
        }
    }

    private List<BuiltBinary> buildTarget(
            BuildRequest request, BuildInputs inputs, BuildTarget target, Map<String, String> names, PhaseTimes times) {
        String scope = target.toString();
        Path directory = request.outputDirectory().resolve(target.directoryName());
        Path stateFile = request.stateDirectory().resolve(target.directoryName() + StaleBinaries.STATE_SUFFIX);
        String settings = toolchain.goRoot() + "\n" + toolchain.version() + "\n" + target + "\n"
                + request.options().fingerprint(target, toolchain.platform()) + "\n" + names + "\n"
                + request.verifyBinaries() + "\n"
                + request.sbom().map(SbomGenerator::fingerprint).orElse("no sbom");
        String fingerprint = times.time(
                scope, "fingerprint", () -> InputFingerprint.of(inputs, request.outputsToIgnore(), settings));
        // With cgo, C headers and libraries of the system are inputs no fingerprint sees: go decides.
        if (!request.force() && !request.options().cgo()) {
            List<BuiltBinary> previous = times.time(
                    scope,
                    "up-to-date check",
                    () -> upToDate(stateFile, fingerprint, target, directory, names, request));
            if (previous != null) {
                return previous;
            }
        }
        long started = System.nanoTime();
        List<BuiltBinary> built = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            built.add(buildBinary(
                    request,
                    target,
                    entry.getKey(),
                    directory.resolve(target.executableName(entry.getValue())),
                    times));
        }
        times.time(scope, "state", () -> saveState(stateFile, request.outputDirectory(), fingerprint, built));
        if (built.size() > 1) {
            // Each binary's line has its own time; the target's total is only news with several of them.
            log.info("[" + target + "] " + HumanReadable.count(built.size(), "binary", "binaries") + " built in "
                    + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)));
        }
        return built;
    }

    private BuiltBinary buildBinary(
            BuildRequest request, BuildTarget target, String packagePath, Path output, PhaseTimes times) {
        String scope = target.toString();
        long started = System.nanoTime();
        // An existing binary is only replaced when go produced different bytes, so it keeps its time stamp.
        Path written = Files.isRegularFile(output) ? output.resolveSibling(output.getFileName() + ".new") : output;
        CompileProgress progress = new CompileProgress();
        GoProcessResult result =
                times.time(scope, "go build", () -> compile(request, target, packagePath, written, output, progress));
        if (!result.succeeded()) {
            BinaryFiles.deleteQuietly(written.equals(output) ? null : written);
            // go's own lines without the package names of -v, which would crowd the error out of the tail.
            List<String> goSaid = new ArrayList<>(progress.output());
            if (result.tail().contains(GoCommand.PROXY_LOGIN_WITHHELD)) {
                goSaid.add(GoCommand.PROXY_LOGIN_WITHHELD);
            }
            request.options().explainCgoFailure(target, goSaid).ifPresent(goSaid::add);
            throw new BuildFailedException("'" + result.commandLine() + "' for package " + packagePath
                    + " failed with exit code " + result.exitCode()
                    + (goSaid.isEmpty() ? "" : ":\n  " + String.join("\n  ", goSaid)));
        }
        boolean unchanged = times.time(scope, "replace", () -> BinaryFiles.replace(written, output));
        Optional<GoBuildInfo> verifiedInfo = request.verifyBinaries()
                ? times.time(
                        scope,
                        "verification",
                        () -> new BinaryVerifier(toolchain, log).verify(output, target, request.options()))
                : Optional.empty();
        Optional<RuntimeNeeds> needs = times.time(
                scope,
                "run-time needs",
                () -> CgoBinaries.check(output, request.options().cgoTarget(target, toolchain.platform())));
        String sha256 = times.time(scope, "SHA-256", () -> Sha256.of(output));
        Optional<BuiltBinary.Sbom> sbom =
                times.time(scope, "SBOM", () -> writeSbom(request, target, output, sha256, verifiedInfo, needs));
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        BuiltBinary binary = new BuiltBinary(
                target,
                packagePath,
                output,
                sha256,
                size(output),
                time,
                unchanged && !request.force(),
                sbom,
                needs,
                verifiedInfo);
        log.info(binary.summary());
        return binary;
    }

    /** Runs go build into {@code written}, its output streamed with the target as prefix and a heartbeat beside it. */
    private GoProcessResult compile(
            BuildRequest request,
            BuildTarget target,
            String packagePath,
            Path written,
            Path output,
            CompileProgress progress) {
        String prefix = "[" + target + "] ";
        Map<String, String> environment = PrefetchKey.name(
                request.options().environment(target, toolchain.platform()),
                request.moduleDirectory(),
                List.of(
                        "go build " + toolchain.version(),
                        packagePath,
                        target.toString(),
                        request.options().compileFingerprint(target, toolchain.platform())));
        boolean packageNamesAsked = request.options().packageNamesAsked();
        // go list and go build run side by side and may both say they download a module: once is news.
        Set<String> downloads = ConcurrentHashMap.newKeySet();
        Consumer<String> downloadLine = line -> {
            if (downloads.add(line)) {
                log.info(prefix + line);
            }
        };
        Consumer<String> goOutput = line -> {
            if (progress.accept(line) && !packageNamesAsked) {
                log.debug(prefix + line);
            } else if (!line.startsWith(StalePackages.DOWNLOADING) || downloads.add(line)) {
                log.info(prefix + line);
            }
        };
        try (Heartbeat heartbeat = Heartbeat.start(
                progressInterval, () -> prefix + output.getFileName() + ": " + progress.describe(), log::info)) {
            PackageListing listing = PackageListing.start(
                    toolchain.goRoot(),
                    request,
                    target,
                    packagePath,
                    environment,
                    progress,
                    downloadLine,
                    progressInterval.dividedBy(2),
                    log);
            GoProcessResult result = GoCommand.of(
                            toolchain.goRoot(), request.options().buildArguments(written, packagePath))
                    .environment(environment)
                    .perRun(request.options().perRun())
                    .log(log)
                    .in(request.moduleDirectory())
                    .onStdout(goOutput)
                    .onStderr(goOutput)
                    .run();
            listing.stop();
            return result;
        }
    }

    /** The SBOM of a binary just built (or rebuilt because its SBOM settings changed), beside it. */
    private Optional<BuiltBinary.Sbom> writeSbom(
            BuildRequest request,
            BuildTarget target,
            Path binary,
            String sha256,
            Optional<GoBuildInfo> alreadyRead,
            Optional<RuntimeNeeds> needs) {
        Optional<String> name = sbomName(request, target, binary);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path file = binary.resolveSibling(name.get());
        // The verification has just run go version -m on this binary: one go process per binary, not two.
        GoBuildInfo info = alreadyRead.orElseGet(() -> GoBuildInfo.read(toolchain.goRoot(), binary, log));
        request.sbom().get().write(info, binary.getFileName().toString(), sha256, needs, file);
        return Optional.of(new BuiltBinary.Sbom(file, Sha256.of(file)));
    }

    /** The SBOM's file name for a binary ({@code manager.exe} has {@code manager.cdx.json}), if SBOMs are asked. */
    private static Optional<String> sbomName(BuildRequest request, BuildTarget target, Path binary) {
        if (request.sbom().isEmpty()) {
            return Optional.empty();
        }
        String executable = binary.getFileName().toString();
        String suffix = target.executableName("");
        return target.sbomName(executable.substring(0, executable.length() - suffix.length()));
    }

    private List<BuiltBinary> upToDate(
            Path stateFile,
            String fingerprint,
            BuildTarget target,
            Path directory,
            Map<String, String> names,
            BuildRequest request) {
        Properties state = new Properties();
        try (var in = Files.newInputStream(stateFile)) {
            state.load(in);
        } catch (IOException noState) {
            return null;
        }
        if (!fingerprint.equals(state.getProperty(StaleBinaries.FINGERPRINT))) {
            return null;
        }
        List<BuiltBinary> binaries = new ArrayList<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            Path file = directory.resolve(target.executableName(entry.getValue()));
            String sha256 = state.getProperty(StaleBinaries.SHA256_PREFIX + file.getFileName());
            if (sha256 == null
                    || !Files.isRegularFile(file)
                    || size(file) != Long.parseLong(state.getProperty("size." + file.getFileName(), "-1"))) {
                return null;
            }
            Optional<BuiltBinary.Sbom> sbom = Optional.empty();
            Optional<String> sbomName = sbomName(request, target, file);
            if (sbomName.isPresent()) {
                // The SBOM is part of the output: a missing or edited one is rewritten by a rebuild.
                Path sbomFile = directory.resolve(sbomName.get());
                String sbomSha256 = state.getProperty(StaleBinaries.SHA256_PREFIX + sbomName.get());
                if (sbomSha256 == null
                        || !Files.isRegularFile(sbomFile)
                        || !Sha256.of(sbomFile).equals(sbomSha256)) {
                    return null;
                }
                sbom = Optional.of(new BuiltBinary.Sbom(sbomFile, sbomSha256));
            }
            binaries.add(new BuiltBinary(target, entry.getKey(), file, sha256, size(file), Duration.ZERO, true, sbom));
        }
        binaries.forEach(binary -> log.info(binary.summary()));
        return binaries;
    }

    private static void saveState(Path stateFile, Path outputDirectory, String fingerprint, List<BuiltBinary> built) {
        Properties state = new Properties();
        state.setProperty(StaleBinaries.FINGERPRINT, fingerprint);
        state.setProperty(StaleBinaries.OUTPUT_DIRECTORY, StaleBinaries.key(outputDirectory));
        for (BuiltBinary binary : built) {
            state.setProperty(StaleBinaries.SHA256_PREFIX + binary.file().getFileName(), binary.sha256());
            state.setProperty("size." + binary.file().getFileName(), Long.toString(binary.size()));
            binary.sbom()
                    .ifPresent(sbom -> state.setProperty(
                            StaleBinaries.SHA256_PREFIX + sbom.file().getFileName(), sbom.sha256()));
        }
        try {
            Files.createDirectories(stateFile.getParent());
            try (var out = Files.newOutputStream(stateFile)) {
                state.store(out, "go:build up-to-date state; delete to force a rebuild");
            }
        } catch (IOException e) {
            throw new EnvironmentException("Could not write " + stateFile + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
