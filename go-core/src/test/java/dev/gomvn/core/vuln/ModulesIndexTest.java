package dev.gomvn.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModulesIndexTest {
    private static final String DATABASE = "https://vulndb.example.com";
    private static final String INDEX = """
            [{"path":"golang.org/x/text","vulns":[{"id":"GO-2021-0113","modified":"2024-05-20T16:03:47Z"},
                                                  {"id":"GO-2020-0015","modified":"2023-01-01T00:00:00Z"}]},
             {"path":"golang.org/x/text/v2","vulns":[{"id":"GO-2021-0113","modified":"2024-05-20T16:03:47Z"}]},
             {"path":"stdlib","vulns":[{"id":"GO-2022-0493"}]},
             {"path":"example.com/unused","vulns":[{"id":"GO-2099-0001","modified":"2024-01-01T00:00:00Z"}]}]
            """;

    private static ModulesIndex index(String json) {
        return ModulesIndex.parse(json.getBytes(StandardCharsets.UTF_8), DATABASE);
    }

    @Test
    void theIdsOfTheModulesInUseOnlyEachOnceInOrder() {
        assertThat(index(INDEX).ids(Set.of("golang.org/x/text", "golang.org/x/text/v2", "stdlib")))
                .containsExactly("GO-2020-0015", "GO-2021-0113", "GO-2022-0493");
        assertThat(index(INDEX).ids(Set.of("example.com/not-indexed"))).isEmpty();
    }

    @Test
    void eachIdWithTheModulesInUseItIsListedUnder() {
        assertThat(index(INDEX).modulesById(Set.of("golang.org/x/text", "golang.org/x/text/v2")))
                .containsExactly(
                        Map.entry("GO-2020-0015", Set.of("golang.org/x/text")),
                        Map.entry("GO-2021-0113", Set.of("golang.org/x/text", "golang.org/x/text/v2")));
    }

    @Test
    void whenEveryEntryWasModifiedEmptyWhereTheIndexDoesNotSay() {
        assertThat(index(INDEX).modifiedById())
                .containsExactly(
                        Map.entry("GO-2021-0113", "2024-05-20T16:03:47Z"),
                        Map.entry("GO-2020-0015", "2023-01-01T00:00:00Z"),
                        Map.entry("GO-2022-0493", ""),
                        Map.entry("GO-2099-0001", "2024-01-01T00:00:00Z"));
    }

    @Test
    void anIndexThatIsNoJsonArrayFailsClosedNamingTheDatabaseAndItsParameter() {
        assertThatThrownBy(() -> index("{\"modules\":[]}"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("Could not check for known vulnerabilities: the vulnerability database "
                        + DATABASE + " (<database>, go.vulnDatabase) has an index/modules.json that is not the v1 "
                        + "layout's list of modules with their vulnerabilities (it is not a JSON array: ")
                .hasMessageEndingWith("Fix the mirror or point <database> at another "
                        + "(https://go.dev/security/vuln/database#api).");
    }

    @Test
    void aModuleWithoutAPathFailsWhateverTheModulesInUse() {
        assertThatThrownBy(() -> index("[{\"vulns\":[]}]"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("(an entry has no \"path\")");
    }

    @Test
    void aModuleWithoutAVulnsListFailsOnlyWhenItIsAskedFor() {
        ModulesIndex index =
                index("[{\"path\":\"golang.org/x/text\"},{\"path\":\"stdlib\",\"vulns\":[{\"id\":\"GO-1\"}]}]");

        assertThat(index.ids(Set.of("stdlib"))).containsExactly("GO-1");
        assertThatThrownBy(() -> index.ids(Set.of("golang.org/x/text")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("(the module golang.org/x/text has no \"vulns\" list)");
        assertThatThrownBy(index::modifiedById).hasMessageContaining("golang.org/x/text has no \"vulns\" list");
    }

    @Test
    void anEntryWithoutAnIdFails() {
        assertThatThrownBy(() -> index("[{\"path\":\"stdlib\",\"vulns\":[{\"modified\":\"x\"}]}]")
                        .ids(Set.of("stdlib")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("(an entry has no \"id\")");
    }
}
