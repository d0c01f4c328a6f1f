package dev.gomvn.sbom;

import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.gobuild.SbomGenerator;
import java.nio.file.Path;

/** go:build's SBOMs: one CycloneDX {@value SbomWriter#SPEC} document per binary, from its build information. */
public record CycloneDxSbomGenerator(SbomSettings settings) implements SbomGenerator {

    @Override
    public String fingerprint() {
        return settings.fingerprint();
    }

    @Override
    public void write(GoBuildInfo info, String binaryName, String binarySha256, Path file) {
        SbomWriter.write(BinarySbom.of(info, binaryName, binarySha256, settings), file);
    }
}
