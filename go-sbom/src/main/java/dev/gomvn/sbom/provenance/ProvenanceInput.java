package dev.gomvn.sbom.provenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link ProvenanceStatement} says, gathered by the build tool: what was built, how it was asked for,
 * from what, by whom. Holds no clock reading and no machine-specific path of a verified SDK, so that the same inputs
 * give the same statement.
 *
 * @param subjects     every published file the statement vouches for, by the name a downloader sees
 * @param parameters   the build as configured
 * @param sdk          the Go that built it
 * @param modules      every module linked into any of the binaries
 * @param source       the commit the module directory was checked out at, if it is in a git work tree
 * @param builderId    who ran the build ({@code runDetails.builder.id})
 * @param timestamp    the reproducible build time, as for SBOMs; empty when none is configured
 */
public record ProvenanceInput(
        List<Subject> subjects,
        Parameters parameters,
        GoSdk sdk,
        List<GoModule> modules,
        Optional<SourceCommit> source,
        String builderId,
        Optional<Instant> timestamp) {

    /** A file the statement vouches for. */
    public record Subject(String name, String sha256) {}

    /**
     * The externally controlled parameters of the build.
     *
     * @param linkerVariables {@code -X} variables by name
     * @param ldflags         further linker flags; empty when none
     * @param buildFlags      further {@code go build} flags; empty when none
     */
    public record Parameters(
            String groupId,
            String artifactId,
            String version,
            List<String> targets,
            List<String> packages,
            Map<String, String> linkerVariables,
            String tags,
            boolean trimpath,
            String buildVcs,
            boolean cgo,
            String ldflags,
            String buildFlags,
            String goVersion) {}

    /** The Go SDK of the build: either an archive gomvn verified and installed, or a Go it found installed. */
    public sealed interface GoSdk permits VerifiedSdk, LocalSdk {
        /** The version with its prefix, {@code go1.22.5}. */
        String goVersion();
    }

    /**
     * An SDK gomvn installed from an archive whose SHA-256 it checked.
     *
     * @param digestSource where the digest that was checked came from (go.dev's listing, a pin, a checksum database)
     */
    public record VerifiedSdk(String goVersion, String archiveName, String sha256, String digestSource)
            implements GoSdk {}

    /** A Go found on this machine ({@code go.root}, GOROOT, PATH): nobody checked an archive digest. */
    public record LocalSdk(String goVersion, Path goRoot) implements GoSdk {}

    /**
     * A module linked into a binary, as its build info records it.
     *
     * @param h1 its go.sum hash ({@code h1:...}); empty when Go recorded none (a directory replacement)
     */
    public record GoModule(String path, String version, String h1) {}

    /**
     * The commit the sources were built from.
     *
     * @param uri {@code git+<remote>} when the work tree has an origin, else {@code git+file:} of its top directory
     */
    public record SourceCommit(String uri, String commit) {}
}
