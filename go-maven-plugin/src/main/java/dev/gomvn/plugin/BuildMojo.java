package dev.gomvn.plugin;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.PhaseTimes;
import dev.gomvn.core.Platform;
import dev.gomvn.core.ReproducibleTimestamp;
import dev.gomvn.core.buildcache.SharedBuildCache;
import dev.gomvn.core.cgo.CgoSettings;
import dev.gomvn.core.gobuild.BuildOptions;
import dev.gomvn.core.gobuild.BuildRequest;
import dev.gomvn.core.gobuild.BuildResult;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.BuiltBinary;
import dev.gomvn.core.gobuild.GoBuilder;
import dev.gomvn.core.gobuild.Sha256Sums;
import dev.gomvn.core.gobuild.TargetList;
import dev.gomvn.core.process.PerRun;
import dev.gomvn.core.signing.SigningKey;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.maven.MavenSdkArtifact;
import dev.gomvn.sbom.CycloneDxSbomGenerator;
import dev.gomvn.sbom.SbomSettings;
import dev.gomvn.sbom.SbomWriter;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Builds the module's main packages for every target, verifies that each binary is for the
 * platform asked, writes a CycloneDX SBOM beside each, writes SHA256SUMS and attaches the binaries and
 * SBOMs, with a checksum list naming them as published and their SLSA provenance, so install/deploy publish them;
 * with a key, signs the checksum lists and the provenance ({@link BuildSignatures}).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class BuildMojo extends AbstractCachedGoMojo {
    private static final MavenSdkArtifact.Parameter ZIG_ARTIFACT = new MavenSdkArtifact.Parameter(
            "<zig><artifact>", "go.zig.artifact", "Zig archive", "org.ziglang:zig:0.17.1:tar.xz:linux-amd64");

    /**
     * Targets as {@code goos/goarch[/variant]} ({@code linux/arm/7}, {@code linux/amd64/v3}) or {@code host}; a Linux cgo
     * target may choose its C library: {@code linux/arm64@musl} (static musl), {@code linux/amd64@glibc2.17}.
     */
    @Parameter(property = "go.targets", defaultValue = "host")
    List<String> targets;

    /** Main packages to build, one binary each. */
    @Parameter(property = "go.packages", defaultValue = ".")
    List<String> packages;

    /**
     * Renames binaries: keyed by the default name (the package path's last element, or the artifactId
     * for {@code .} and {@code ./cmd}), e.g. {@code <binaryNames><my-operator>manager</my-operator></binaryNames>}.
     */
    @Parameter
    Map<String, String> binaryNames;

    /** Build with cgo. Off by default, so cross builds need no C toolchain. */
    @Parameter(property = "go.cgo", defaultValue = "false")
    boolean cgo;

    /** Remove file system paths from binaries (reproducible builds). */
    @Parameter(property = "go.trimpath", defaultValue = "true")
    boolean trimpath;

    /** VCS stamping: {@code false} (reproducible regardless of a dirty tree), {@code true} or {@code auto}. */
    @Parameter(property = "go.buildvcs", defaultValue = "false")
    String buildVcs;

    /** Build tags, comma separated. */
    @Parameter(property = "go.tags")
    String tags;

    /** Flags for the linker ({@code -s -w}). */
    @Parameter(property = "go.ldflags")
    String ldflags;

    /**
     * String variables set at link time as {@code -X importpath.name=value}; values may contain spaces. Either
     * {@code <main.version>1.0</main.version>} or, for names with {@code /},
     * {@code <linkerVariable><name>example.com/op/internal/version.gitCommit</name><value>abc</value></linkerVariable>}.
     */
    @Parameter
    PlexusConfiguration linkerVariables;

    /** Further {@code go build} flags, as written on a command line. */
    @Parameter(property = "go.buildFlags")
    String buildFlags;

    /**
     * How many targets build at once; 0 (the default) means one per available core. A warm build mostly links, one
     * target at a time on one core, so side by side it overlaps; a cold one compiles on every core either way
     * (README "CI", bench/RESULTS.md).
     */
    @Parameter(property = "go.parallelism", defaultValue = "0")
    int parallelism;

    /** Check each binary's header and build info against its target. */
    @Parameter(property = "go.verifyBinaries", defaultValue = "true")
    boolean verifyBinaries;

    /**
     * Attach binaries (classifier {@code <goos>-<goarch>[-<variant>]}) and their checksum list, which names them
     * as published ({@code <artifactId>-<version>-<classifier>.<type>}), to the project.
     */
    @Parameter(property = "go.attach", defaultValue = "true")
    boolean attach;

    /**
     * Write a CycloneDX 1.6 SBOM of each binary from its embedded build info beside it
     * ({@code <name>.cdx.json}), list it in SHA256SUMS and attach it (type {@code json}, classifier
     * {@code <binary classifier>-cyclonedx}).
     */
    @Parameter(property = "go.sbom", defaultValue = "true")
    boolean sbom;

    /**
     * Write an in-toto statement with SLSA provenance v1 of the binaries, their SBOMs and SHA256SUMS
     * ({@code provenance.intoto.json} beside them) and attach it (type {@code intoto.json}, classifier
     * {@code provenance}); it names the files as published, so it is only written with {@code <attach>} on.
     */
    @Parameter(property = "go.provenance", defaultValue = "true")
    boolean provenance;

    /**
     * The provenance's {@code runDetails.builder.id}: a URI naming who ran the build and how far to trust it, e.g.
     * your CI's. The default says a Maven build on some machine, which is all gomvn itself can vouch for.
     */
    @Parameter(property = "go.provenance.builderId", defaultValue = "https://gomvn.dev/builders/maven-local")
    String provenanceBuilderId;

    /**
     * The SBOMs' timestamp, as for reproducible jars: ISO-8601 or seconds since 1970. {@code SOURCE_DATE_EPOCH}
     * wins when set; without either, SBOMs have no timestamp, so the same binary always gives the same bytes.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Rebuild targets even when their inputs did not change. */
    @Parameter(property = "go.force", defaultValue = "false")
    boolean force;

    /** Log where the goal's time went, per phase and per target (at debug level, -X, without it). */
    @Parameter(property = "go.profile", defaultValue = "false")
    boolean profile;

    /**
     * With cgo on, the newest glibc a Linux binary may need at run time, e.g. 2.28 (Debian 10, RHEL 8): Zig builds
     * against it, and every glibc-linked binary is checked against it. A target's own {@code @glibc2.17} wins. Without
     * it, Zig builds against 2.28 and binaries of a given CC are only reported.
     */
    @Parameter(property = "go.glibc")
    String glibc;

    /**
     * With cgo on, the Zig that is the C compiler of every target whose environment names none (CC_FOR_&lt;goos&gt;_&lt;goarch&gt;
     * or CC): &lt;version&gt;, &lt;downloadRoot&gt;, &lt;sha256&gt;, &lt;publicKey&gt;, &lt;artifact&gt;. Verified by its
     * minisign signature (the Zig project's key by default) or a pinned SHA-256, and cached beside the Go SDKs.
     */
    @Parameter
    Zig zig;

    /**
     * The PEM file of an ECDSA P-256 key that signs SHA256SUMS, the published checksum list and the provenance, each
     * as {@code cosign sign-blob --key} would ({@code <file>.sig}); the signatures are attached beside their files.
     */
    @Parameter(property = "go.signing.key")
    File signingKey;

    /** A settings.xml &lt;server&gt; whose &lt;privateKey&gt; is the signing key's PEM file, &lt;passphrase&gt; its passphrase. */
    @Parameter(property = "go.signing.serverId")
    String signingKeyServerId;

    /** Where binaries are written, one directory per target. */
    @Parameter(property = "go.outputDirectory", defaultValue = "${project.build.directory}/go/bin")
    File outputDirectory;

    @Component
    MavenProjectHelper projectHelper;

    int targetsAtOnce() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (parallelism < 0) {
            throw new ConfigurationException(
                    "go.parallelism",
                    "<parallelism> (go.parallelism) is " + parallelism
                            + "; use a number of targets to build at once, or 0 for one per core.");
        }
        return parallelism == 0 ? cores : parallelism;
    }

    @Override
    void run() {
        long started = System.nanoTime();
        if (GoModuleCheck.skipNonGoProject(project, moduleDirectory(), getLog())) {
            return;
        }
        PhaseTimes times = new PhaseTimes();
        String whole = PhaseTimes.WHOLE_GOAL;
        Toolchain toolchain = times.time(whole, "toolchain", this::resolveToolchain);
        List<BuildTarget> buildTargets =
                times.time(whole, "targets", () -> TargetList.resolve(splitCommas(targets), toolchain, goLog()));
        Optional<SharedBuildCache> buildCache =
                times.time(whole, "build cache start", () -> startBuildCache(toolchain));
        // Before the build: a key that cannot be read fails now, not after minutes of compiling.
        Optional<SigningKey> signing = times.time(
                whole,
                "signing key",
                () -> SigningKeys.resolve(
                        signingKey, signingKeyServerId, session, settingsDecrypter, goLog(), "the checksum lists"));
        Path buildDirectory = Path.of(project.getBuild().getDirectory());
        BuildRequest request = times.time(
                whole, "go environment", () -> buildRequest(buildTargets, buildCache, buildDirectory, times));
        getLog().info("Building " + String.join(", ", request.packages()) + " for "
                + HumanReadable.count(buildTargets.size(), "target", "targets") + " with Go " + toolchain.version());
        BuildResult result;
        try {
            result = new GoBuilder(toolchain, goLog()).build(request, times);
        } finally {
            buildCache.ifPresent(SharedBuildCache::report);
        }
        Path publishedSums = buildDirectory.resolve("go").resolve("published.sha256sums");
        signing.ifPresentOrElse(
                key -> BuildSignatures.signSha256Sums(key, result.sha256Sums(), goLog()),
                () -> BuildSignatures.removeStale(
                        List.of(result.sha256Sums(), publishedSums, ProvenanceAttachment.file(result.sha256Sums()))));
        if (attach) {
            times.time(whole, "attach", () -> attach(result, request, toolchain, publishedSums, signing));
        }
        long sboms = result.binaries().stream()
                .filter(binary -> binary.sbom().isPresent())
                .count();
        if (sboms > 0) {
            getLog().info(HumanReadable.count(
                            sboms, "CycloneDX " + SbomWriter.SPEC + " SBOM", "CycloneDX " + SbomWriter.SPEC + " SBOMs")
                    + " (<name>.cdx.json) beside the binaries"
                    + (attach ? ", attached as <classifier>-cyclonedx" : ""));
        }
        long upToDate = result.binaries().stream().filter(BuiltBinary::upToDate).count();
        getLog().info(HumanReadable.count(result.binaries().size(), "verified binary", "verified binaries") + " ("
                + upToDate + " up to date) in " + outputDirectory + ", checksums in " + result.sha256Sums()
                + " [go:build " + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)) + "]");
        for (String line : times.lines()) {
            if (profile) {
                getLog().info("Profile: " + line);
            } else {
                getLog().debug("Profile: " + line);
            }
        }
    }

    private BuildRequest buildRequest(
            List<BuildTarget> buildTargets,
            Optional<SharedBuildCache> buildCache,
            Path buildDirectory,
            PhaseTimes times) {
        Map<String, String> environment =
                buildCache.map(cache -> cache.environment(goEnvironment())).orElseGet(this::goEnvironment);
        BuildOptions options = BuildOptions.builder()
                .cgo(cgo)
                .trimpath(trimpath)
                .buildVcs(buildVcs)
                .tags(tags)
                .ldflags(ldflags)
                .linkerVariables(LinkerVariablesParameter.read(linkerVariables, this::evaluate))
                .buildFlags(buildFlags)
                .environment(environment)
                .perRun(buildCache.map(SharedBuildCache::storeAccess).orElse(PerRun.NOTHING))
                .cgoSettings(
                        cgo
                                ? times.time(
                                        PhaseTimes.WHOLE_GOAL,
                                        "C compiler",
                                        () -> cgoSettings(buildTargets, environment))
                                : null)
                .build();
        return BuildRequest.builder()
                .moduleDirectory(moduleDirectory())
                .outputDirectory(outputDirectory.toPath())
                .stateDirectory(buildDirectory.resolve("go").resolve("build-state"))
                .targets(buildTargets)
                .packages(splitCommas(packages))
                .binaryNames(binaryNames)
                .defaultName(project.getArtifactId())
                .options(options)
                .parallelism(targetsAtOnce())
                .verifyBinaries(verifyBinaries)
                .force(force)
                .outputsToIgnore(List.of(buildDirectory))
                .sbom(
                        sbom
                                ? Optional.of(new CycloneDxSbomGenerator(
                                        new SbomSettings(reproducibleTimestamp(), project.getVersion())))
                                : Optional.empty())
                .build();
    }

    private CgoSettings cgoSettings(List<BuildTarget> buildTargets, Map<String, String> environment) {
        Properties properties = new Properties();
        properties.putAll(project.getProperties());
        properties.putAll(session.getUserProperties());
        return CgoCompilers.settings(
                glibc,
                (zig == null ? new Zig() : zig).withDefaultsFrom(properties),
                buildTargets,
                environment,
                toolchainSettings().request(moduleDirectory()),
                coordinates -> MavenSdkArtifact.parse(
                        coordinates, ZIG_ARTIFACT, Platform.host(), repositorySystem, session, project),
                goLog());
    }

    private Optional<Instant> reproducibleTimestamp() {
        return ReproducibleTimestamp.resolve(System.getenv("SOURCE_DATE_EPOCH"), outputTimestamp);
    }

    /** The binaries, SBOMs and provenance as the project's artifacts, and the checksums of their published names. */
    private void attach(
            BuildResult result,
            BuildRequest request,
            Toolchain toolchain,
            Path publishedSums,
            Optional<SigningKey> signing) {
        Optional<Path> statement =
                provenance ? Optional.of(ProvenanceAttachment.file(result.sha256Sums())) : Optional.empty();
        BinaryAttachments plan = BinaryAttachments.plan(
                result.binaries(), request.packages().size(), publishedSums, statement, project.getPackaging());
        if (provenance) {
            ProvenanceAttachment.write(
                    result,
                    request,
                    plan,
                    toolchain,
                    new ProvenanceAttachment.Project(
                            project.getGroupId(), project.getArtifactId(), project.getVersion()),
                    provenanceBuilderId,
                    reproducibleTimestamp(),
                    goLog());
            getLog().info("SLSA provenance of the binaries, SBOMs and SHA256SUMS in " + statement.get()
                    + ", attached as " + ProvenanceAttachment.CLASSIFIER);
        }
        Sha256Sums.writeNames(publishedSums, plan.publishedSha256(project.getArtifactId(), project.getVersion()));
        getLog().info("Checksums of the binaries as published (" + project.getArtifactId() + "-"
                + project.getVersion() + "-<classifier>.<type>, for sha256sum -c among downloaded artifacts) in "
                + publishedSums);
        for (BinaryAttachments.Attachment attachment : plan.attachments()) {
            projectHelper.attachArtifact(
                    project,
                    attachment.type(),
                    attachment.classifier(),
                    attachment.file().toFile());
        }
        plan.mainArtifact().ifPresent(file -> project.getArtifact().setFile(file.toFile()));
        signing.ifPresent(key -> BuildSignatures.signAndAttachPublished(key, plan, project, projectHelper, goLog()));
    }

    /** A configured value as Maven would have injected it; an expression nothing defines gives an empty string. */
    private String evaluate(String text) {
        try {
            Object value = expressionEvaluator().evaluate(text);
            return value == null ? "" : value.toString();
        } catch (ExpressionEvaluationException e) {
            throw new ConfigurationException(
                    "linkerVariables",
                    "<linkerVariables> holds '" + text + "', which Maven cannot evaluate: " + e.getMessage());
        }
    }

    /** {@code -Dgo.targets=linux/amd64,darwin/arm64} arrives as one element on some Maven versions. */
    static List<String> splitCommas(List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }
}
