package dev.gomvn.plugin;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.gobuild.BuildRequest;
import dev.gomvn.core.gobuild.BuildResult;
import dev.gomvn.core.gobuild.BuiltBinary;
import dev.gomvn.core.provision.install.InstalledSdk;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.sbom.provenance.GitSource;
import dev.gomvn.sbom.provenance.ProvenanceInput;
import dev.gomvn.sbom.provenance.ProvenanceStatement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLSA provenance of a {@code go:build}: an in-toto statement ({@link ProvenanceStatement}) beside the binaries,
 * {@value #FILE_NAME}, attached as type {@value #TYPE} with classifier {@value #CLASSIFIER}. The type keeps the
 * {@code .intoto.json} suffix by which attestation tools (slsa-verifier, cosign) recognise a statement, where type
 * {@code json} would publish it as a plain {@code -provenance.json}.
 *
 * <p>Its subjects are every binary and SBOM under its published name, and SHA256SUMS, the build's checksum list. The
 * published checksum list names the statement in turn (so {@code sha256sum -c} and a signature of that list cover it
 * too) and is therefore not one of its subjects: two files cannot each hold the other's digest.
 */
final class ProvenanceAttachment {
    static final String FILE_NAME = "provenance.intoto.json";
    static final String TYPE = "intoto.json";
    static final String CLASSIFIER = "provenance";

    private ProvenanceAttachment() {}

    /** The project as the statement names it. */
    record Project(String groupId, String artifactId, String version) {}

    /** Where the statement of a build with these SHA256SUMS goes: beside them, in the output directory. */
    static Path file(Path sha256Sums) {
        return sha256Sums.resolveSibling(FILE_NAME);
    }

    /**
     * Writes the statement, before the published checksum list, which names it.
     *
     * @param builderId  {@code <provenanceBuilderId>}
     * @param timestamp  the reproducible build time; empty when none is configured
     */
    static void write(
            BuildResult result,
            BuildRequest request,
            BinaryAttachments plan,
            Toolchain toolchain,
            Project project,
            String builderId,
            Optional<Instant> timestamp,
            GoLog log) {
        ProvenanceInput input = new ProvenanceInput(
                subjects(result, plan, project),
                parameters(request, toolchain, project),
                sdk(toolchain),
                modules(result, toolchain, log),
                GitSource.of(request.moduleDirectory()),
                builderId,
                timestamp);
        ProvenanceStatement.write(input, file(result.sha256Sums()));
    }

    private static List<ProvenanceInput.Subject> subjects(BuildResult result, BinaryAttachments plan, Project project) {
        List<ProvenanceInput.Subject> subjects = new ArrayList<>();
        plan.builtSha256(project.artifactId(), project.version())
                .forEach((name, sha256) -> subjects.add(new ProvenanceInput.Subject(name, sha256)));
        subjects.add(new ProvenanceInput.Subject(
                result.sha256Sums().getFileName().toString(), Sha256.of(result.sha256Sums())));
        return subjects;
    }

    private static ProvenanceInput.Parameters parameters(BuildRequest request, Toolchain toolchain, Project project) {
        var options = request.options();
        return new ProvenanceInput.Parameters(
                project.groupId(),
                project.artifactId(),
                project.version(),
                request.targets().stream().map(Object::toString).toList(),
                request.packages(),
                options.linkerVariables() == null ? Map.of() : options.linkerVariables(),
                Objects.requireNonNullElse(options.tags(), ""),
                options.trimpath(),
                options.buildVcs(),
                options.cgo(),
                Objects.requireNonNullElse(options.ldflags(), ""),
                Objects.requireNonNullElse(options.buildFlags(), ""),
                toolchain.version().withGoPrefix());
    }

    /** The archive gomvn verified when it installed this Go, or, for a Go it found installed, that Go's path. */
    private static ProvenanceInput.GoSdk sdk(Toolchain toolchain) {
        String version = toolchain.version().withGoPrefix();
        return InstalledSdk.verifiedAt(toolchain.goRoot(), version, toolchain.platform())
                .<ProvenanceInput.GoSdk>map(sdk -> new ProvenanceInput.VerifiedSdk(
                        version, sdk.archiveName(), sdk.recordedSha256(), sdk.digestSource()))
                .orElseGet(() -> new ProvenanceInput.LocalSdk(version, toolchain.goRoot()));
    }

    /**
     * Every module linked into a binary, read from the binary itself: what go.mod requires but no binary links is
     * not a dependency of these files. WebAssembly modules carry no build info go can read.
     */
    private static List<ProvenanceInput.GoModule> modules(BuildResult result, Toolchain toolchain, GoLog log) {
        List<ProvenanceInput.GoModule> modules = new ArrayList<>();
        for (BuiltBinary binary : result.binaries()) {
            if (binary.target().goarch().equals("wasm")) {
                continue;
            }
            GoBuildInfo info =
                    binary.buildInfo().orElseGet(() -> GoBuildInfo.read(toolchain.goRoot(), binary.file(), log));
            for (GoBuildInfo.Module dependency : info.dependencies()) {
                GoBuildInfo.Module linked = dependency.linked();
                if (linked.path().startsWith(".") || linked.path().startsWith("/")) {
                    continue; // a directory replacement: sources, not a module anyone can fetch by name
                }
                modules.add(new ProvenanceInput.GoModule(linked.path(), linked.version(), linked.sum()));
            }
        }
        return modules;
    }
}
