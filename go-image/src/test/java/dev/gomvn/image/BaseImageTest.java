package dev.gomvn.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageTest {
    @TempDir
    Path temp;

    @Test
    void aBaseLayoutThatIsNoLayoutSaysSo() {
        RegistryAccess access = ImageTestSupport.access(r -> new RegistryLogin(r, Optional.empty()), false, temp, true);

        assertThatThrownBy(() -> BaseImage.from("oci:" + temp.resolve("missing"), access))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        temp.resolve("missing") + " is not an OCI image layout (no oci-layout and index.json in it);"
                                + " fix <from> (go.image.from), which names it as base image.");
    }

    @Test
    void aBaseFromARegistryMustBeCachedToBuildOffline() {
        RegistryAccess offline = ImageTestSupport.access(
                r -> new RegistryLogin(r, Optional.empty()), false, temp.resolve("cache"), true);

        assertThatThrownBy(() -> BaseImage.from("registry.example.com/base/static:1", offline))
                .hasMessage(
                        "The base image registry.example.com/base/static:1 is not in the image cache "
                                + temp.resolve("cache")
                                + " and Maven runs offline (-o); build once online, or use a base from an OCI layout on disk (<from>oci:/path</from>).");
    }

    @Test
    void aNamedImageOfALayoutIsPicked() {
        AssembledImage base = ImageTestSupport.assemble(
                temp.resolve("base"),
                BaseImage.scratch(),
                ImageTestSupport.settings(Optional.of(ImageReference.parse("example.com/base", "<image>", "go.image"))),
                "linux_amd64/sh");
        RegistryAccess access = ImageTestSupport.access(r -> new RegistryLogin(r, Optional.empty()), false, temp, true);

        assertThat(BaseImage.from("oci:" + base.layout() + ":1.0.0", access).digest())
                .contains(base.digest());
        assertThatThrownBy(() -> BaseImage.from("oci:" + base.layout() + ":2.0", access))
                .hasMessage("The OCI layout " + base.layout() + " has no image named '2.0' (names: 1.0.0).");
    }
}
