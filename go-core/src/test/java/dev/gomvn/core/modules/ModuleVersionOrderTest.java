package dev.gomvn.core.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleVersionOrderTest {
    @Test
    void ordersAsGoDoes() {
        List<String> versions = new ArrayList<>(List.of(
                "v0.35.10",
                "v0.35.2",
                "v0.36.0-alpha.1",
                "v0.35.0-rc.1",
                "v0.35.0",
                "v0.0.0-20240101000000-abcdefabcdef",
                "v2.0.0+incompatible",
                "v0.36.0-alpha.0",
                "v0.36.0-alpha.beta",
                "v0.36.0"));
        versions.sort(ModuleVersionOrder.INSTANCE);
        assertThat(versions)
                .containsExactly(
                        "v0.0.0-20240101000000-abcdefabcdef",
                        "v0.35.0-rc.1",
                        "v0.35.0",
                        "v0.35.2",
                        "v0.35.10",
                        "v0.36.0-alpha.0",
                        "v0.36.0-alpha.1",
                        "v0.36.0-alpha.beta",
                        "v0.36.0",
                        "v2.0.0+incompatible");
    }

    @Test
    void textThatIsNoVersionSortsBelowVersions() {
        assertThat(ModuleVersionOrder.INSTANCE.compare("(devel)", "v0.0.1")).isNegative();
        assertThat(ModuleVersionOrder.INSTANCE.compare("v1.2", "v0.0.1")).isNegative();
    }
}
