package dev.gomvn.sbom;

import dev.gomvn.core.binary.GoBuildInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Composition;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;

/**
 * The CycloneDX SBOM of one Go binary, made from what the binary itself records (its embedded build info),
 * so it lists what is really linked in, not what go.mod requires. It follows {@code cyclonedx-gomod bin
 * -std}: the main module is {@code metadata.component} (type application, its purl carrying the main
 * package as subpath); every dependency module is a required library component with its {@code h1:} sum
 * as SHA-256 hash (the sum is base64 of a SHA-256; CycloneDX wants hex) and a replaced module is listed as
 * its replacement, the module whose code is linked; the Go standard library is component {@code std} at the
 * toolchain's version; the build settings are properties. The serial number is derived from the binary's
 * SHA-256 and the settings, so the same binary always gives the same document.
 */
public final class BinarySbom {
    /** The property names cyclonedx-gomod registered in the CycloneDX property taxonomy. */
    private static final String GOMOD = "cdx:gomod:";
    /** Build settings that taxonomy has no name for ({@code -trimpath}, {@code -ldflags}, ...). */
    private static final String GOMVN = "gomvn:";

    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern GO_VERSION = Pattern.compile("go\\S+");
    /** gopkg.in paths name a GitHub repository: gopkg.in/user/pkg.v3 and gopkg.in/pkg.v3 (user go-pkg). */
    private static final Pattern GOPKG_IN_WITH_USER = Pattern.compile("gopkg\\.in/([^/]+)/([^.]+)\\..*");

    private static final Pattern GOPKG_IN = Pattern.compile("gopkg\\.in/([^.]+)\\..*");
    private static final Pattern MAJOR_VERSION_SUFFIX = Pattern.compile("/v\\d+$");

    private BinarySbom() {}

    /**
     * @param binaryName   the binary's file name, e.g. {@code manager} or {@code manager.exe}
     * @param binarySha256 the binary's SHA-256 (hex), recorded in the document and the root of its serial number
     */
    public static Bom of(GoBuildInfo info, String binaryName, String binarySha256, SbomSettings settings) {
        String goos = info.setting("GOOS").orElse("");
        String goarch = info.setting("GOARCH").orElse("");

        Component main = mainComponent(info, settings, goos, goarch);
        List<Component> components = new ArrayList<>();
        Map<String, Component> byReference = new LinkedHashMap<>();
        for (GoBuildInfo.Module dependency : info.dependencies()) {
            Component component = library(dependency, goos, goarch);
            // Two modules replaced by the same one are one component.
            if (byReference.putIfAbsent(component.getBomRef(), component) == null) {
                components.add(component);
            }
        }
        toolchainVersion(info).ifPresent(version -> {
            Component std = library(new GoBuildInfo.Module("std", version, "", Optional.empty()), goos, goarch);
            if (byReference.putIfAbsent(std.getBomRef(), std) == null) {
                components.add(std);
            }
        });

        Metadata metadata = new Metadata();
        // Metadata starts with the current time: an SBOM without a configured time states none.
        metadata.setTimestamp(settings.timestamp().map(Date::from).orElse(null));
        metadata.setComponent(main);
        metadata.setProperties(buildProperties(info, binaryName, binarySha256));

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serialNumber(binarySha256, settings));
        bom.setVersion(1);
        bom.setMetadata(metadata);
        bom.setComponents(components);
        bom.setDependencies(dependencies(main, components));
        bom.setCompositions(compositions(main, components));
        return bom;
    }

    private static Component mainComponent(GoBuildInfo info, SbomSettings settings, String goos, String goarch) {
        String module = info.mainModule().map(GoBuildInfo.Module::path).orElse(info.path());
        String version = info.mainModule().map(GoBuildInfo.Module::version).orElse("(devel)");
        if (version.equals("(devel)")) {
            // Go's word for "no version" (a build without VCS stamping): the project's version, or none, as
            // cyclonedx-gomod leaves it out.
            version = settings.mainModuleVersion();
        }
        // The main package below the module root (./cmd/manager) is the purl's subpath, as cyclonedx-gomod has it.
        String subpath =
                info.path().startsWith(module + "/") ? "#" + info.path().substring(module.length() + 1) : "";
        Component main = new Component();
        main.setType(Component.Type.APPLICATION);
        main.setBomRef(GoPackageUrl.bomRef(module, version) + subpath);
        main.setName(module);
        if (!version.isEmpty()) {
            main.setVersion(version);
        }
        main.setPurl(GoPackageUrl.of(module, version, goos, goarch) + subpath);
        vcsReference(module).ifPresent(main::setExternalReferences);
        return main;
    }

    private static Component library(GoBuildInfo.Module dependency, String goos, String goarch) {
        GoBuildInfo.Module linked = dependency.linked();
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(GoPackageUrl.bomRef(linked.path(), linked.version()));
        component.setName(linked.path());
        component.setVersion(linked.version());
        component.setScope(Component.Scope.REQUIRED);
        if (linked.sum().startsWith("h1:")) {
            component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, h1AsHex(linked.sum()))));
        }
        component.setPurl(GoPackageUrl.of(linked.path(), linked.version(), goos, goarch));
        vcsReference(linked.path()).ifPresent(component::setExternalReferences);
        if (dependency.replacement().isPresent()) {
            // What go.mod asked for, so an auditor sees that a replace directive is at work.
            component.setProperties(List.of(new Property(
                    GOMVN + "replaces",
                    dependency.version().isEmpty()
                            ? dependency.path()
                            : dependency.path() + "@" + dependency.version())));
        }
        return component;
    }

    /** {@code h1:<base64 of a SHA-256>} (golang.org/x/mod dirhash) as the hex CycloneDX hashes are written in. */
    static String h1AsHex(String sum) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(sum.substring(3)));
    }

    private static Optional<List<ExternalReference>> vcsReference(String module) {
        String url = null;
        Matcher withUser = GOPKG_IN_WITH_USER.matcher(module);
        Matcher withoutUser = GOPKG_IN.matcher(module);
        if (module.startsWith("github.com/")) {
            url = "https://" + MAJOR_VERSION_SUFFIX.matcher(module).replaceAll("");
        } else if (withUser.matches()) {
            url = "https://github.com/" + withUser.group(1) + "/" + withUser.group(2);
        } else if (withoutUser.matches()) {
            url = "https://github.com/go-" + withoutUser.group(1) + "/" + withoutUser.group(1);
        }
        if (url == null) {
            return Optional.empty();
        }
        ExternalReference reference = new ExternalReference();
        reference.setType(ExternalReference.Type.VCS);
        reference.setUrl(url);
        return Optional.of(List.of(reference));
    }

    /** {@code go1.22.5}, without suffixes such as {@code X:boringcrypto}; empty for a devel toolchain. */
    private static Optional<String> toolchainVersion(GoBuildInfo info) {
        String first = info.goVersion().strip().split("\\s+")[0];
        return GO_VERSION.matcher(first).matches() ? Optional.of(first) : Optional.empty();
    }

    /**
     * The binary and how it was built, under the names cyclonedx-gomod uses where it has one: GOOS, GOARCH,
     * CGO_ENABLED, GOAMD64, GOARM and every other environment setting as {@code cdx:gomod:build:env:<NAME>},
     * each tag as {@code cdx:gomod:build:tag}, {@code -compiler} and VCS stamps; the flags it has no name for
     * ({@code -trimpath}, {@code -ldflags}, {@code -buildmode}, ...) as {@code gomvn:build:<flag>}.
     */
    private static List<Property> buildProperties(GoBuildInfo info, String binaryName, String binarySha256) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Property(GOMOD + "binary:name", binaryName));
        properties.add(new Property(GOMOD + "binary:hash:SHA-256", binarySha256));
        properties.add(new Property(GOMOD + "build:env:GOVERSION", info.goVersion()));
        info.settings().forEach((key, value) -> {
            if (key.equals("-tags")) {
                for (String tag : value.split(",")) {
                    if (!tag.isBlank()) {
                        properties.add(new Property(GOMOD + "build:tag", tag.strip()));
                    }
                }
            } else if (key.equals("-compiler")) {
                properties.add(new Property(GOMOD + "build:compiler", value));
            } else if (key.equals("vcs") || key.startsWith("vcs.")) {
                properties.add(new Property(GOMOD + "build:" + key.replace('.', ':'), value));
            } else if (ENVIRONMENT_VARIABLE.matcher(key).matches()) {
                properties.add(new Property(GOMOD + "build:env:" + key, value));
            } else {
                properties.add(new Property(GOMVN + "build:" + key, value));
            }
        });
        properties.sort(Comparator.comparing(Property::getName).thenComparing(Property::getValue));
        return properties;
    }

    /** The main module depends on every module in the binary; which module needs which, the binary does not say. */
    private static List<Dependency> dependencies(Component main, List<Component> components) {
        List<Dependency> dependencies = new ArrayList<>();
        Dependency root = new Dependency(main.getBomRef());
        components.forEach(component -> root.addDependency(new Dependency(component.getBomRef())));
        dependencies.add(root);
        components.forEach(component -> dependencies.add(new Dependency(component.getBomRef())));
        return dependencies;
    }

    /** The main component's modules are all known (complete); how they depend on each other is not (unknown). */
    private static List<Composition> compositions(Component main, List<Component> components) {
        Composition complete = new Composition();
        complete.setAggregate(Composition.Aggregate.COMPLETE);
        complete.setDependencies(List.of(new BomReference(main.getBomRef())));
        Composition unknown = new Composition();
        unknown.setAggregate(Composition.Aggregate.UNKNOWN);
        List<BomReference> references = new ArrayList<>();
        components.forEach(component -> references.add(new BomReference(component.getBomRef())));
        unknown.setDependencies(references);
        return List.of(complete, unknown);
    }

    /** A name-based UUID: the same binary with the same settings has the same serial number in every build. */
    private static UUID serialNumber(String binarySha256, SbomSettings settings) {
        return UUID.nameUUIDFromBytes(("gomvn SBOM of sha256:" + binarySha256 + " " + settings.fingerprint())
                .getBytes(StandardCharsets.UTF_8));
    }
}
