package dev.gomvn.core.gobuild;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.cgo.TargetLibc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One platform to build for: {@code goos/goarch} with an optional variant that sets the
 * architecture's level variable ({@code linux/arm/7} -> GOARM=7, {@code linux/amd64/v3} ->
 * GOAMD64=v3, {@code linux/arm64/v8.2} -> GOARM64=v8.2), and for Linux cgo builds the C library after an {@code @}
 * ({@code linux/arm64@musl}, {@code linux/amd64@glibc2.28}; see {@link TargetLibc}).
 */
public record BuildTarget(String goos, String goarch, String variant, TargetLibc libc) {

    /** The variable each architecture's variant sets, and the values Go accepts for it. */
    private static final Map<String, VariantRule> VARIANTS = Map.of(
            "arm", new VariantRule("GOARM", Pattern.compile("[567](,(softfloat|hardfloat))?"), "5, 6 or 7"),
            "amd64", new VariantRule("GOAMD64", Pattern.compile("v[1-4]"), "v1, v2, v3 or v4"),
            "arm64",
                    new VariantRule(
                            "GOARM64",
                            Pattern.compile("v8\\.[0-9]|v9\\.[0-5]|v8\\.[0-9],(lse|crypto)(,(lse|crypto))?"),
                            "v8.0 ... v8.9 or v9.0 ... v9.5"),
            "386", new VariantRule("GO386", Pattern.compile("sse2|softfloat"), "sse2 or softfloat"),
            "mips", new VariantRule("GOMIPS", Pattern.compile("hardfloat|softfloat"), "hardfloat or softfloat"),
            "mipsle", new VariantRule("GOMIPS", Pattern.compile("hardfloat|softfloat"), "hardfloat or softfloat"),
            "mips64", new VariantRule("GOMIPS64", Pattern.compile("hardfloat|softfloat"), "hardfloat or softfloat"),
            "mips64le", new VariantRule("GOMIPS64", Pattern.compile("hardfloat|softfloat"), "hardfloat or softfloat"),
            "ppc64", new VariantRule("GOPPC64", Pattern.compile("power(8|9|10)"), "power8, power9 or power10"),
            "ppc64le", new VariantRule("GOPPC64", Pattern.compile("power(8|9|10)"), "power8, power9 or power10"));

    private static final Map<String, VariantRule> MORE_VARIANTS = Map.of(
            "riscv64",
                    new VariantRule(
                            "GORISCV64",
                            Pattern.compile("rva20u64|rva22u64|rva23u64"),
                            "rva20u64, rva22u64 or rva23u64"),
            "wasm",
                    new VariantRule(
                            "GOWASM",
                            Pattern.compile("(satconv|signext)(,(satconv|signext))?"),
                            "satconv and/or signext"));
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+");

    public BuildTarget {
        variant = variant == null || variant.isEmpty() ? null : variant;
        libc = libc == null ? TargetLibc.DEFAULT : libc;
    }

    public BuildTarget(String goos, String goarch, String variant) {
        this(goos, goarch, variant, TargetLibc.DEFAULT);
    }

    /** Parses {@code goos/goarch[/variant][@libc]} or {@code host[@libc]}. */
    public static BuildTarget parse(String spec, Platform host) {
        String text = spec == null ? "" : spec.strip();
        int at = text.indexOf('@');
        if (at >= 0) {
            BuildTarget platform = parse(text.substring(0, at), host);
            TargetLibc libc = TargetLibc.parse(text.substring(at + 1).strip(), text, platform.goos());
            return new BuildTarget(platform.goos(), platform.goarch(), platform.variant(), libc);
        }
        if (text.equals("host")) {
            return new BuildTarget(host.goos(), host.goarch(), null);
        }
        String[] parts = text.split("/", -1);
        if (parts.length < 2
                || parts.length > 3
                || !NAME.matcher(parts[0]).matches()
                || !NAME.matcher(parts[1]).matches()
                || parts.length == 3 && parts[2].isBlank()) {
            throw new ConfigurationException(
                    "go.targets",
                    "<targets> (go.targets) entry '" + text
                            + "' is not a target; write goos/goarch (linux/amd64), goos/goarch/variant (linux/arm/7,"
                            + " linux/amd64/v3) or host, optionally with a C library for cgo (linux/arm64@musl).");
        }
        String variant = parts.length == 3 ? parts[2].strip() : null;
        if (variant != null) {
            VariantRule rule = variantRule(parts[1])
                    .orElseThrow(() -> new ConfigurationException(
                            "go.targets",
                            "<targets> (go.targets) entry '" + text + "' has a variant, but " + parts[1]
                                    + " takes none; remove '/" + variant + "'."));
            if (!rule.values().matcher(variant).matches()) {
                throw new ConfigurationException(
                        "go.targets",
                        "<targets> (go.targets) entry '" + text + "': " + rule.variable() + "=" + variant
                                + " is not valid for " + parts[1] + "; use " + rule.description() + ".");
            }
        }
        return new BuildTarget(parts[0], parts[1], variant);
    }

    private static Optional<VariantRule> variantRule(String goarch) {
        VariantRule rule = VARIANTS.get(goarch);
        return Optional.ofNullable(rule != null ? rule : MORE_VARIANTS.get(goarch));
    }

    public Optional<String> variantValue() {
        return Optional.ofNullable(variant);
    }

    /** GOOS, GOARCH and the variant's variable for the go command. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GOOS", goos);
        environment.put("GOARCH", goarch);
        if (variant != null) {
            environment.put(variantRule(goarch).orElseThrow().variable(), variant);
        }
        return environment;
    }

    /** The name of the variant's variable, e.g. GOAMD64, if this target has a variant. */
    public Optional<String> variantVariable() {
        return variant == null ? Optional.empty() : variantRule(goarch).map(VariantRule::variable);
    }

    public String platform() {
        return goos + "/" + goarch;
    }

    /**
     * {@code linux_amd64}, {@code linux_arm_7}, {@code linux_arm64_musl}: the output directory for this target. A glibc
     * floor names no other binary than the target's default, so it adds nothing.
     */
    public String directoryName() {
        return String.join("_", parts()).replace(',', '_');
    }

    /** {@code linux-amd64}, {@code linux-amd64-v3}, {@code linux-arm64-musl}: the classifier of the attached artifact. */
    public String classifier() {
        return String.join("-", parts()).replace(',', '-');
    }

    private List<String> parts() {
        List<String> parts = new ArrayList<>(List.of(goos, goarch));
        if (variant != null) {
            parts.add(variant);
        }
        if (libc.musl()) {
            parts.add("musl");
        }
        return parts;
    }

    /** {@code name.exe} for Windows, {@code name.wasm} for WebAssembly, else {@code name}. */
    public String executableName(String baseName) {
        if (goos.equals("windows")) {
            return baseName + ".exe";
        }
        return goarch.equals("wasm") ? baseName + ".wasm" : baseName;
    }

    /**
     * {@code name.cdx.json}: the SBOM beside the binary of {@code baseName}; none for WebAssembly, whose build
     * info {@code go version -m} cannot read.
     */
    public Optional<String> sbomName(String baseName) {
        return goarch.equals("wasm") ? Optional.empty() : Optional.of(baseName + ".cdx.json");
    }

    @Override
    public String toString() {
        String platformAndVariant = variant == null ? platform() : platform() + "/" + variant;
        return libc.suffix().map(suffix -> platformAndVariant + "@" + suffix).orElse(platformAndVariant);
    }

    private record VariantRule(String variable, Pattern values, String description) {}
}
