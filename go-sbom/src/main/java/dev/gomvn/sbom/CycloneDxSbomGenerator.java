package dev.gomvn.sbom;

import com.google.gson.JsonObject;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.RuntimeNeeds;
import dev.gomvn.core.gobuild.SbomGenerator;
import java.nio.file.Path;
import java.util.Optional;

/** go:build's SBOMs: one CycloneDX {@value SbomWriter#SPEC} document per binary, from its build information. */
public record CycloneDxSbomGenerator(SbomSettings settings) implements SbomGenerator {

    @Override
    public String fingerprint() {
        return settings.fingerprint();
    }

    @Override
    public void write(
            GoBuildInfo info, String binaryName, String binarySha256, Optional<RuntimeNeeds> runtimeNeeds, Path file) {
        JsonObject bom = BinarySbom.of(info, binaryName, binarySha256, settings);
        runtimeNeeds.ifPresent(needs -> RuntimeNeedsProperties.add(bom, needs));
        SbomWriter.write(bom, file);
    }
}
