package dev.gomvn.core.gobuild;

import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.RuntimeNeeds;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the SBOM of one built binary. An interface, so that go-core does not carry an SBOM library: the go-sbom
 * module implements it with CycloneDX, and only go-maven-plugin puts that module on a classpath.
 */
public interface SbomGenerator {

    /** Goes into the up-to-date fingerprint: a changed setting rewrites the SBOMs. */
    String fingerprint();

    /**
     * @param info          the binary's build information, as {@code go version -m} reads it
     * @param binaryName    the binary's file name
     * @param binarySha256  the binary's SHA-256, in hex
     * @param runtimeNeeds  what a cgo binary needs at run time (linkage, libc and its version); empty without cgo
     * @param file          where the SBOM goes; replaced whole or not at all
     */
    void write(
            GoBuildInfo info, String binaryName, String binarySha256, Optional<RuntimeNeeds> runtimeNeeds, Path file);
}
