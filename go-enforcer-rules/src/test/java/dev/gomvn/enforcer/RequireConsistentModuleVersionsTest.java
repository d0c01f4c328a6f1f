package dev.gomvn.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requireConsistentModuleVersions' {@code <groups>}, judged on vendored modules whose versions go reports. */
class RequireConsistentModuleVersionsTest {
    private static final String NL = System.lineSeparator();
    private static final String DEFAULT_GROUP = " (no <groups> configured: the default group @kubernetes holds the "
            + "k8s.io modules released together with Kubernetes)";

    @TempDir
    Path temp;

    RuleFixture fixture;

    @BeforeEach
    void module() {
        fixture = RuleFixture.isolatedGo(temp.resolve("app"), temp.resolve("home"), Map.of());
    }

    private void links(String... pathsAndVersions) {
        Map<String, String> modules = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndVersions.length; i += 2) {
            modules.put(pathsAndVersions[i], pathsAndVersions[i + 1]);
        }
        fixture.vendoredModule(modules);
    }

    private RequireConsistentModuleVersions rule(String... groups) {
        List<RequireConsistentModuleVersions.Group> configured = Arrays.stream(groups)
                .map(modules -> {
                    RequireConsistentModuleVersions.Group group = new RequireConsistentModuleVersions.Group();
                    RuleFixture.set(group, "modules", modules);
                    return group;
                })
                .toList();
        return fixture.rule(RequireConsistentModuleVersions::new, Map.of("groups", configured));
    }

    @Test
    void withoutGroupsTheKubernetesReleaseModulesMustAgreeAndTheMessageSaysWhichGroupThatIs() {
        links("k8s.io/api", "v0.30.1", "k8s.io/client-go", "v0.29.4", "k8s.io/klog/v2", "v2.120.1");
        assertThatThrownBy(() -> rule().execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("Modules that must share one version differ among the modules linked by " + fixture.basedir
                        + DEFAULT_GROUP + ":" + NL
                        + "group [@kubernetes]: k8s.io/api v0.30.1, k8s.io/client-go v0.29.4" + NL
                        + "Fix: align each group on the newest version it links: go get k8s.io/client-go@v0.30.1, "
                        + "then 'go mod tidy', and commit go.mod and go.sum.");
    }

    @Test
    void withoutGroupsAgreeingReleaseModulesPassAndTheLineNamesTheDefaultGroup() throws Exception {
        links("k8s.io/api", "v0.30.1", "k8s.io/client-go", "v0.30.1", "k8s.io/klog/v2", "v2.120.1");
        rule().execute();
        assertThat(fixture.passedLine())
                .endsWith(": [@kubernetes] share v0.30.1 (k8s.io/api, k8s.io/client-go)" + DEFAULT_GROUP);
    }

    @Test
    void configuredGroupsReplaceTheDefault() throws Exception {
        links("k8s.io/api", "v0.30.1", "k8s.io/client-go", "v0.29.4", "example.com/otel", "v1.2.0");
        rule("example.com/otel, example.com/otel/trace").execute();
        assertThat(fixture.info)
                .containsExactly("requireConsistentModuleVersions compared nothing in " + fixture.basedir
                        + ": [example.com/otel, example.com/otel/trace] links only example.com/otel v1.2.0; nothing "
                        + "to compare");
    }

    @Test
    void aPatternGathersModulesAndAnExclusionTakesOneOut() throws Exception {
        links("example.com/otel", "v1.2.0", "example.com/otel/trace", "v1.2.0", "example.com/otel/schema", "v0.1.0");
        assertThatThrownBy(() -> rule("example.com/otel,example.com/otel/*").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageContaining(NL + "group [example.com/otel,example.com/otel/*]: example.com/otel v1.2.0, "
                        + "example.com/otel/schema v0.1.0, example.com/otel/trace v1.2.0" + NL
                        + "Fix: align each group on the newest version it links: go get "
                        + "example.com/otel/schema@v1.2.0, then");

        rule("example.com/otel,example.com/otel/*,!example.com/otel/schema").execute();
        assertThat(fixture.passedLine())
                .endsWith(": [example.com/otel,example.com/otel/*,!example.com/otel/schema] share v1.2.0 "
                        + "(example.com/otel, example.com/otel/trace)");
    }

    @Test
    void kubernetesInAGroupStandsForTheReleaseModulesAndCanBeNarrowed() throws Exception {
        links("k8s.io/api", "v0.30.1", "k8s.io/apimachinery", "v0.30.1", "k8s.io/client-go", "v0.29.4");
        assertThatThrownBy(() -> rule("@kubernetes").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageContaining("group [@kubernetes]: k8s.io/api v0.30.1, k8s.io/apimachinery v0.30.1, "
                        + "k8s.io/client-go v0.29.4")
                .hasMessageNotContaining("no <groups> configured");

        rule("@kubernetes !k8s.io/client-go").execute();
        assertThat(fixture.passedLine())
                .endsWith(": [@kubernetes !k8s.io/client-go] share v0.30.1 (k8s.io/api, k8s.io/apimachinery)");
    }

    @Test
    void aGroupThatMixesReleaseModulesWithOwnVersionedOnesFailsWithANoteOnWhatToExclude() {
        links("k8s.io/api", "v0.30.1", "k8s.io/klog/v2", "v2.120.1");
        assertThatThrownBy(() -> rule("k8s.io/*").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageContaining(NL + "group [k8s.io/*]: k8s.io/api v0.30.1, k8s.io/klog/v2 v2.120.1" + NL
                        + "Fix: change the group as the note below says: no go get can give all of its modules one "
                        + "version." + NL)
                .hasMessageEndingWith("Note: The group [k8s.io/*] holds k8s.io/klog/v2, which is not released with "
                        + "Kubernetes and has a version of its own, so it never shares the version of k8s.io/api or "
                        + "k8s.io/client-go. Use @kubernetes (the default group: remove <groups>, or write "
                        + "<modules>@kubernetes</modules>) or exclude them, e.g. !k8s.io/klog/v2.");
    }

    @Test
    void aGroupThatNamesNoModuleFailsNamingGroupsAndTheForm() {
        links("k8s.io/api", "v0.30.1");
        assertThatThrownBy(() -> rule("!k8s.io/klog*").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<group> '!k8s.io/klog*' of requireConsistentModuleVersions names no module; list module "
                        + "paths or patterns, e.g. <modules>@kubernetes</modules> or "
                        + "<modules>k8s.io/api,k8s.io/apimachinery,k8s.io/client-go</modules>.");
        assertThatThrownBy(() -> rule("").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessageStartingWith("<group> '' of requireConsistentModuleVersions names no module;");
    }

    @Test
    void aMalformedPatternFailsNamingTheGroup() {
        links("k8s.io/api", "v0.30.1");
        assertThatThrownBy(() -> rule("k8s.io/api,!k8s.io/[]").execute())
                .isExactlyInstanceOf(EnforcerRuleException.class)
                .hasMessage("<group> 'k8s.io/api,!k8s.io/[]' of requireConsistentModuleVersions has the malformed "
                        + "pattern 'k8s.io/[]': a [ ] class must be closed and hold a character. Patterns are matched "
                        + "like GOPRIVATE's, with *, ? and [ ] classes, e.g. k8s.io/* or !k8s.io/klog*.");
    }

    @Test
    void theGroupsArePartOfTheCacheIdAndTheDescription() {
        assertThat(rule()).hasToString("RequireConsistentModuleVersions[groups=[]]");
        assertThat(rule("k8s.io/*", "!k8s.io/klog"))
                .hasToString("RequireConsistentModuleVersions[groups=[k8s.io/*, !k8s.io/klog]]");
        assertThat(rule("k8s.io/*").getCacheId())
                .isNotEqualTo(rule().getCacheId())
                .isNotEqualTo(rule("example.com/*").getCacheId())
                .isEqualTo(rule("k8s.io/*").getCacheId());
    }
}
