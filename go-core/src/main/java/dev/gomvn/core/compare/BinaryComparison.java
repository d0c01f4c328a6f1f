package dev.gomvn.core.compare;

import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.LinkerVariables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the binary this build made for one classifier with the one published under it, and when they differ says
 * why in terms a person can act on: what the two builds did differently ({@link BuildInfoDiff}), or, when both
 * binaries record the same build, what of a build is not recorded and so may not be reproducible.
 */
public final class BinaryComparison {
    private final Path goRoot;
    private final Map<String, String> environment;
    private final GoLog log;

    /**
     * One side's binary.
     *
     * @param file the binary, to read its build info from; empty when only its digest is known (a published checksum
     *     list whose binaries cannot be downloaded)
     */
    public record Side(String sha256, Optional<Path> file) {}

    /**
     * @param goRoot      the Go whose {@code go version -m} and {@code go tool nm} read the binaries
     * @param environment what they run with (a build cache for {@code go tool nm} among it)
     */
    public BinaryComparison(Path goRoot, Map<String, String> environment, GoLog log) {
        this.goRoot = goRoot;
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** What differs for {@code classifier}, as lines of a failure message; empty when both sides agree. */
    public Optional<String> difference(String classifier, Optional<Side> here, Optional<Side> published) {
        if (here.isEmpty() && published.isEmpty()) {
            return Optional.empty();
        }
        if (here.isEmpty()) {
            return Optional.of(classifier + ": published, not built here (is its target missing from <targets>?)");
        }
        if (published.isEmpty()) {
            return Optional.of(classifier + ": built here, not published");
        }
        if (here.get().sha256().equals(published.get().sha256())) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add(classifier + ": SHA-256 " + shortened(here.get().sha256()) + " here, "
                + shortened(published.get().sha256()) + " published");
        if (here.get().file().isEmpty() || published.get().file().isEmpty()) {
            lines.add("the " + (here.get().file().isEmpty() ? "binary built here" : "published binary")
                    + " is not available to read its build info from, so only the digests can be compared");
        } else {
            lines.addAll(explain(here.get().file().get(), published.get().file().get()));
        }
        return Optional.of(String.join("\n    - ", lines));
    }

    private List<String> explain(Path here, Path published) {
        BuildInfoDiff.Build builtHere;
        BuildInfoDiff.Build builtThere;
        try {
            builtHere = build(here);
            builtThere = build(published);
        } catch (GoCoreException e) {
            // WebAssembly and foreign files have no build info go can read: the digests still tell that they differ.
            return List.of("their build info could not be read: " + e.getMessage());
        }
        List<String> lines = new ArrayList<>(BuildInfoDiff.between(builtHere, builtThere));
        if (lines.isEmpty()) {
            lines.add("both binaries record the same build, but their bytes differ: something the build info does not"
                    + " record made them differ; " + notReproducible(builtHere.info()));
        }
        lines.addAll(BuildInfoDiff.unread(builtHere, builtThere));
        return lines;
    }

    private BuildInfoDiff.Build build(Path binary) {
        return new BuildInfoDiff.Build(
                GoBuildInfo.read(goRoot, binary, log), LinkerVariables.read(goRoot, binary, environment, log));
    }

    /** The settings that make a build depend on the machine it ran on, most likely first. */
    private static String notReproducible(GoBuildInfo info) {
        List<String> suspects = new ArrayList<>();
        if (!info.setting("-trimpath").orElse("false").equals("true")) {
            suspects.add("-trimpath is off, so the binary holds this machine's file system paths"
                    + " (<trimpath>true</trimpath>, go.trimpath)");
        }
        if (info.settings().keySet().stream().anyMatch(key -> key.startsWith("vcs"))) {
            suspects.add("VCS stamping is on, and the commit or the dirty state differ"
                    + " (<buildVcs>false</buildVcs>, go.buildvcs)");
        }
        if (info.setting("CGO_ENABLED").orElse("0").equals("1")) {
            suspects.add("cgo is on: the C compiler, its version and the C library it links are not in the build info"
                    + " (use the same CC or <zig>, or <cgo>false</cgo>)");
        }
        if (suspects.isEmpty()) {
            suspects.add("the same Go, modules and settings normally give the same bytes: look for a file embedded"
                    + " with //go:embed that the build generates, or compare both with diffoscope");
        }
        return "suspect " + String.join("; ", suspects);
    }

    /**
     * The failure of a comparison that found {@code differences}.
     *
     * @param against what was compared against: the coordinates or the checksum list's URL
     */
    public static VerificationException failure(String against, List<String> differences) {
        return new VerificationException("The binaries built here differ from those published as " + against + ":\n  "
                + String.join("\n  ", differences)
                + "\nDo not deploy these binaries over the published ones: rebuild with the published build's settings"
                + " (the lines above name them), or release a new version.");
    }

    private static String shortened(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
