package dev.gomvn.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import org.junit.jupiter.api.Test;

class GoPackageUrlTest {

    @Test
    void anIncompatibleVersionAndAnUppercaseModulePathAreWrittenAsCycloneDxGomodWritesThem() {
        // cyclonedx-gomod v1.10.0 (internal/gomod/module.go) formats "pkg:golang/%s@%s?goarch=%s&goos=%s&type=module"
        // with the module path and version as Go spells them; Dependency-Track matches its SBOMs on these strings.
        assertThat(GoPackageUrl.of("github.com/Azure/go-autorest", "v14.2.0+incompatible", "linux", "arm64"))
                .isEqualTo("pkg:golang/github.com/Azure/go-autorest@v14.2.0+incompatible"
                        + "?goarch=arm64&goos=linux&type=module");
        assertThat(GoPackageUrl.bomRef("github.com/Azure/go-autorest", "v14.2.0+incompatible"))
                .isEqualTo("pkg:golang/github.com/Azure/go-autorest@v14.2.0+incompatible?type=module");
    }

    @Test
    void aPurlReaderGetsBackTheModuleVersionAndPlatform() throws Exception {
        PackageURL read = new PackageURL(GoPackageUrl.of(
                "github.com/Azure/go-autorest", "v0.0.0-20240101120000-0123456789ab+incompatible", "windows", "amd64"));

        assertThat(read.getType()).isEqualTo("golang");
        // packageurl-java lowercases a golang namespace when it reads one; the version comes back exactly.
        assertThat(read.getNamespace() + "/" + read.getName()).isEqualToIgnoringCase("github.com/Azure/go-autorest");
        assertThat(read.getVersion()).isEqualTo("v0.0.0-20240101120000-0123456789ab+incompatible");
        assertThat(read.getQualifiers()).containsEntry("goos", "windows").containsEntry("goarch", "amd64");
    }

    @Test
    void aModuleWithoutVersionHasNoVersionPart() {
        assertThat(GoPackageUrl.bomRef("example.com/app", "")).isEqualTo("pkg:golang/example.com/app?type=module");
    }
}
