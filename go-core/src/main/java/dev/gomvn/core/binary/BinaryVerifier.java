package dev.gomvn.core.binary;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.gobuild.BuildOptions;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a freshly built binary is what was asked for: its header says the target's OS family,
 * architecture, word size and byte order, and its embedded build info records the GOOS, GOARCH,
 * variant, CGO_ENABLED and -trimpath of the request. A cross build that silently produced the
 * wrong thing (a stray GOFLAGS, a wrapper script) fails here with both values shown.
 */
public final class BinaryVerifier {
    private final Toolchain toolchain;
    private final GoLog log;

    public BinaryVerifier(Toolchain toolchain, GoLog log) {
        this.toolchain = toolchain;
        this.log = log;
    }

    /** @return the build info it read ({@code go version -m}), empty for WebAssembly, so callers need not read it again */
    public Optional<GoBuildInfo> verify(Path binary, BuildTarget target, BuildOptions options) {
        BinaryHeader header = BinaryInspector.inspect(binary);
        List<String> mismatches = new ArrayList<>(headerMismatches(header, target));
        Optional<GoBuildInfo> info = hasReadableBuildInfo(header)
                ? Optional.of(GoBuildInfo.read(toolchain.goRoot(), binary, log))
                : Optional.empty();
        info.ifPresent(read -> mismatches.addAll(buildInfoMismatches(read, target, options)));
        if (!mismatches.isEmpty()) {
            throw new VerificationException(
                    binary + " is not the binary that was asked for " + target + ": " + String.join("; ", mismatches)
                            + ". Check GOFLAGS and <environment> for settings that override the target.");
        }
        return info;
    }

    /** {@code go version -m} cannot read WebAssembly modules ("unrecognized file format"): only the header is checked. */
    public static boolean hasReadableBuildInfo(BinaryHeader header) {
        return header.format() != BinaryHeader.Format.WASM;
    }

    static List<String> headerMismatches(BinaryHeader header, BuildTarget target) {
        List<String> mismatches = new ArrayList<>();
        if (!header.format().servesGoos(target.goos())) {
            mismatches.add("expected an executable for GOOS " + target.goos() + ", found " + header.describe());
        }
        if (!header.goarch().equals(target.goarch())
                && !(header.format() == BinaryHeader.Format.XCOFF
                        && target.goarch().equals("ppc64"))) {
            mismatches.add("expected GOARCH " + target.goarch() + ", found " + header.goarch() + " ("
                    + header.describe() + ")");
        }
        return mismatches;
    }

    static List<String> buildInfoMismatches(GoBuildInfo info, BuildTarget target, BuildOptions options) {
        List<String> mismatches = new ArrayList<>();
        expect(mismatches, info, "GOOS", target.goos());
        expect(mismatches, info, "GOARCH", target.goarch());
        expect(mismatches, info, "CGO_ENABLED", options.cgo() ? "1" : "0");
        if (options.trimpath()) {
            expect(mismatches, info, "-trimpath", "true");
        }
        target.variantVariable().ifPresent(variable -> {
            // Go records the level variable only when it differs from the default, so a missing entry
            // is fine exactly when the requested value is that default.
            Optional<String> recorded = info.setting(variable);
            if (recorded.isPresent()
                    && !recorded.get().equals(target.variantValue().orElse(""))) {
                mismatches.add("expected " + variable + "="
                        + target.variantValue().orElse("") + ", build info says " + variable + "=" + recorded.get());
            }
        });
        return mismatches;
    }

    private static void expect(List<String> mismatches, GoBuildInfo info, String key, String expected) {
        String actual = info.setting(key).orElse("(not recorded)");
        if (!actual.equals(expected)) {
            mismatches.add("expected " + key + "=" + expected + ", build info says " + key + "=" + actual);
        }
    }
}
