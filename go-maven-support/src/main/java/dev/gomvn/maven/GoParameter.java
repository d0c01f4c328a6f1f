package dev.gomvn.maven;

import java.util.Optional;

/**
 * The one definition of each parameter that every goal of the go-maven-plugin takes and the enforcer
 * rules read: its element name, its user property, its default and its documentation. The goals
 * declare these as fields (Maven needs annotated fields to inject them); tests hold those fields, the
 * generated plugin descriptor and the README's tables to this definition, so none of them can drift.
 *
 * <p>To add a parameter: add it here, add the field to {@code AbstractGoMojo}, use it in
 * {@link ToolchainSettings}, and add its README row; the tests name anything missed.
 */
public enum GoParameter {
    GO_ROOT(
            "goRoot",
            "go.root",
            null,
            "Use the Go installed in this directory (the one holding bin/go); nothing is downloaded."),
    VERSION(
            "version",
            "go.version",
            null,
            "The Go to use: exact (1.22.5), a range ([1.22,1.23)), a release line (1.22.x) or latest. Without it, "
                    + "go.mod's toolchain/go line decides."),
    DOWNLOAD_ROOT(
            "downloadRoot",
            "go.downloadRoot",
            "https://go.dev/dl/",
            "Where Go SDK archives are downloaded from: go.dev or a mirror with the same file names (http, https, "
                    + "file:)."),
    SHA256(
            "sha256",
            "go.sha256",
            null,
            "The SHA-256 of the SDK archive for this machine's platform; overrides the index and the .sha256 file."),
    SHA256S(
            "sha256s",
            null,
            null,
            "SHA-256 digests of SDK archives per platform, keyed like <linux-amd64>hex</linux-amd64>."),
    SDK_DIRECTORY(
            "sdkDirectory",
            "go.sdkDirectory",
            null,
            "The SDK cache. Default: .cache/gomvn/sdk in the Maven local repository, so CI caches of ~/.m2 keep it."),
    SOURCE(
            "source",
            "go.source",
            "auto",
            "Where a missing SDK comes from: auto (the download root, then the Go module proxy if the download root "
                    + "cannot be reached), download (only the download root) or proxy (only the Go module proxy, as the "
                    + "module golang.org/toolchain verified against the checksum database)."),
    PROXY(
            "proxy",
            "go.proxy",
            null,
            "The Go module proxy list (GOPROXY syntax) toolchains come from. Default: the effective GOPROXY."),
    SUMDB(
            "sumdb",
            "go.sumdb",
            null,
            "The checksum database that verifies toolchains from the proxy (GOSUMDB syntax). Default: the effective "
                    + "GOSUMDB; off still means sum.golang.org, as for the go command."),
    SDK_ARTIFACT(
            "sdkArtifact",
            "go.sdkArtifact",
            null,
            "A Go SDK archive in a Maven repository, groupId:artifactId:version[:extension[:classifier]] (extension "
                    + "tar.gz, classifier <goos>-<goarch> of this machine by default), verified by go.sha256/<sha256s> "
                    + "or the download root's index."),
    SERVER_ID(
            "serverId",
            "go.serverId",
            null,
            "The id of a settings.xml <server> whose credentials the download root needs."),
    CONNECT_TIMEOUT(
            "connectTimeout",
            "go.connectTimeout",
            "20",
            "Seconds to wait for a connection to a server: the download root, a proxy, a registry."),
    READ_TIMEOUT(
            "readTimeout",
            "go.readTimeout",
            "60",
            "Seconds a download or a registry may stall before the request is retried or given up."),
    RETRIES(
            "retries",
            "go.retries",
            "3",
            "Extra attempts after a server error, a reset connection or a truncated download."),
    LOCK_TIMEOUT(
            "lockTimeout",
            "go.lockTimeout",
            "10",
            "Minutes to wait for another build that is installing the same SDK."),
    MODULE_DIRECTORY(
            "moduleDirectory",
            "go.moduleDirectory",
            "${project.basedir}",
            "The Go module: the directory holding go.mod."),
    CACHE_DIRECTORY(
            "cacheDirectory",
            "go.cacheDirectory",
            null,
            "One directory for Go's build and module caches, for a CI system to keep between runs: GOCACHE is "
                    + "<dir>/go-build, GOMODCACHE <dir>/mod, unless the environment or <environment> sets them. "
                    + "Default: Go's own locations."),
    ENVIRONMENT(
            "environment", null, null, "Variables passed to every go command (GOFLAGS, GOPROXY, GOPRIVATE, CC ...)."),
    SKIP("skip", "go.skip", "false", "Skip this goal.");

    private final String element;
    private final String property;
    private final String defaultValue;
    private final String description;

    GoParameter(String element, String property, String defaultValue, String description) {
        this.element = element;
        this.property = property;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The POM element, {@code <goRoot>}, and the mojo field Maven injects it into. */
    public String element() {
        return element;
    }

    /** The user property, {@code go.root}; empty for map-valued parameters, which only a POM can set. */
    public Optional<String> property() {
        return Optional.ofNullable(property);
    }

    /** The default as Maven reads it (it may be an expression such as {@code ${project.basedir}}). */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    /** How error messages name it: {@code <goRoot> (go.root)}. */
    public String displayName() {
        return "<" + element + ">" + property().map(p -> " (" + p + ")").orElse("");
    }
}
