package dev.gomvn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.maven.testsupport.TestMavenBuild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules must read the go-maven-plugin's parameters with the precedence Maven gives its goals. */
class PluginConfigurationReaderTest {
    @TempDir
    Path basedir;

    TestMavenBuild build;

    @BeforeEach
    void newBuild() {
        build = new TestMavenBuild(basedir, Map.of());
    }

    private ParameterValues read() {
        return new PluginConfigurationReader(build.project, build.evaluator(build.session())).read();
    }

    @Test
    void withNothingConfiguredEveryParameterHasItsDocumentedDefault() {
        ParameterValues values = read();
        assertThat(values.string(GoParameter.DOWNLOAD_ROOT)).contains("https://go.dev/dl/");
        assertThat(values.string(GoParameter.SOURCE)).contains("auto");
        assertThat(values.number(GoParameter.CONNECT_TIMEOUT, 1)).isEqualTo(20);
        assertThat(values.number(GoParameter.READ_TIMEOUT, 1)).isEqualTo(60);
        assertThat(values.number(GoParameter.RETRIES, 0)).isEqualTo(3);
        assertThat(values.number(GoParameter.LOCK_TIMEOUT, 0)).isEqualTo(10);
        assertThat(values.path(GoParameter.MODULE_DIRECTORY)).contains(basedir);
        assertThat(values.string(GoParameter.VERSION)).isEmpty();
    }

    private List<String> buildTargets() {
        return new PluginConfigurationReader(build.project, build.evaluator(build.session())).buildTargets();
    }

    @Test
    void buildTargetsAreWhatEveryExecutionOfGoBuildIsConfiguredWith() {
        PluginConfigurationReader reader =
                new PluginConfigurationReader(build.project, build.evaluator(build.session()));
        assertThat(buildTargets()).as("default").containsExactly("host");

        build.userProperties.setProperty("go.targets", "linux/amd64, darwin/arm64");
        assertThat(buildTargets()).as("-Dgo.targets").containsExactly("linux/amd64", "darwin/arm64");

        build.project.getProperties().setProperty("arm", "linux/arm/7");
        build.plugin("<targets><target>windows/amd64</target><target>${arm}</target></targets>");
        assertThat(buildTargets())
                .as("plugin configuration over -D, expressions evaluated")
                .containsExactly("windows/amd64", "linux/arm/7");

        build.execution("default-toolchain", List.of("toolchain"), "<targets>js/wasm</targets>");
        build.execution("default-build", List.of("build"), "<targets>linux/amd65,linux/arm64</targets>");
        build.execution("windows", List.of("build"), "");
        assertThat(buildTargets())
                .as("every go:build execution, its own over the plugin's; other goals' ignored")
                .containsExactly("linux/amd65", "linux/arm64", "windows/amd64", "linux/arm/7");
    }

    @Test
    void executionConfigurationWinsOverPluginConfigurationOverPropertiesOverDefault() {
        build.project.getProperties().setProperty("go.version", "1.21.0");
        assertThat(read().string(GoParameter.VERSION)).contains("1.21.0");

        build.userProperties.setProperty("go.version", "1.22.0");
        assertThat(read().string(GoParameter.VERSION))
                .as("-D over a POM property")
                .contains("1.22.0");

        build.plugin("<version>1.23.0</version>");
        assertThat(read().string(GoParameter.VERSION))
                .as("plugin configuration over -D")
                .contains("1.23.0");

        build.execution("default-toolchain", List.of("toolchain"), "<version>1.24.0</version>");
        assertThat(read().string(GoParameter.VERSION))
                .as("execution over plugin configuration")
                .contains("1.24.0");
    }

    @Test
    void theExecutionThatProvisionsGoDecides() {
        build.plugin("<downloadRoot>https://plugin.example/dl/</downloadRoot>");
        build.execution("unit-tests", List.of("test"), "<downloadRoot>https://test.example/dl/</downloadRoot>");
        assertThat(read().string(GoParameter.DOWNLOAD_ROOT)).contains("https://test.example/dl/");
        build.execution("go-build", List.of("build"), "<downloadRoot>https://build.example/dl/</downloadRoot>");
        assertThat(read().string(GoParameter.DOWNLOAD_ROOT)).contains("https://build.example/dl/");
        build.execution("go", List.of("toolchain"), "<sha256>abc</sha256>");
        assertThat(read().string(GoParameter.DOWNLOAD_ROOT))
                .as("the toolchain execution does not set it: plugin level")
                .contains("https://plugin.example/dl/");
        assertThat(read().string(GoParameter.SHA256)).contains("abc");
    }

    @Test
    void expressionsInConfiguredValuesAreEvaluatedAsMavenDoes() {
        build.project.getProperties().setProperty("company.go", "1.22.5");
        build.plugin("<version>${company.go}</version><sdkDirectory>${project.build.directory}/sdk</sdkDirectory>"
                + "<proxy>${undefined.property}</proxy>");
        ParameterValues values = read();
        assertThat(values.string(GoParameter.VERSION)).contains("1.22.5");
        assertThat(values.path(GoParameter.SDK_DIRECTORY))
                .contains(basedir.resolve("target").resolve("sdk"));
        assertThat(values.string(GoParameter.PROXY))
                .as("an expression Maven cannot resolve stays unset")
                .isEmpty();
    }

    @Test
    void mapEntriesOfTheExecutionWinOverThoseOfThePlugin() {
        build.plugin(
                "<environment><GOFLAGS>-mod=readonly</GOFLAGS><GOPRIVATE>corp.example.com</GOPRIVATE></environment>");
        build.execution(
                "default-toolchain", List.of("toolchain"), "<environment><GOFLAGS>-tags=ci</GOFLAGS></environment>");
        assertThat(read().map(GoParameter.ENVIRONMENT))
                .containsExactlyInAnyOrderEntriesOf(Map.of("GOFLAGS", "-tags=ci", "GOPRIVATE", "corp.example.com"));
    }

    @Test
    void everyParameterWithAPropertyCanBeSetFromTheCommandLine() {
        for (GoParameter parameter : GoParameter.values()) {
            parameter.property().ifPresent(property -> build.userProperties.setProperty(property, "7"));
        }
        ParameterValues values = read();
        for (GoParameter parameter : GoParameter.values()) {
            if (parameter.property().isPresent()) {
                assertThat(values.string(parameter)).as(parameter.displayName()).contains("7");
            }
        }
    }
}
