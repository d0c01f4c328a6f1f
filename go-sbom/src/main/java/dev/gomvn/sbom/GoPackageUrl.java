package dev.gomvn.sbom;

/**
 * Package URLs and BOM references of Go modules, spelled as cyclonedx-gomod spells them so that tools
 * matching its SBOMs (Dependency-Track, OSV scanners) match these too: {@code pkg:golang/<module>@<version>}
 * with the qualifiers {@code goarch}, {@code goos} (of the binary, not of the machine that made the SBOM) and
 * {@code type=module}, in that (alphabetical) order. The BOM reference leaves out the platform: a module is the
 * same module in every target's document.
 *
 * <p>Not built with packageurl-java: it lowercases a golang namespace ({@code github.com/azure/go-autorest}) and
 * writes {@code +incompatible} as {@code %2B}, so its purls would not match cyclonedx-gomod's. A Go module path and
 * version hold no character that needs percent-encoding (letters, digits, {@code -._~/+}), and packageurl-java reads
 * these purls back to the same module and version (GoPackageUrlTest).
 */
final class GoPackageUrl {
    private GoPackageUrl() {}

    static String of(String module, String version, String goos, String goarch) {
        return "pkg:golang/" + coordinates(module, version) + "?goarch=" + goarch + "&goos=" + goos + "&type=module";
    }

    static String bomRef(String module, String version) {
        return "pkg:golang/" + coordinates(module, version) + "?type=module";
    }

    private static String coordinates(String module, String version) {
        return version.isEmpty() ? module : module + "@" + version;
    }
}
