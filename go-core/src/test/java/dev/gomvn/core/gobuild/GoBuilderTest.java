package dev.gomvn.core.gobuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.PhaseTimes;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.binary.GoBuildInfo;
import dev.gomvn.core.binary.RuntimeNeeds;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** go:build's core with the real go command. */
class GoBuilderTest {
    @TempDir
    Path module;

    Toolchain go;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<String> goCommands = new CopyOnWriteArrayList<>();
    Optional<SbomGenerator> sbom = Optional.empty();

    /** Writes what it was given, so a test sees which binary's build information reached the SBOM. */
    record RecordingSbomGenerator(String fingerprint) implements SbomGenerator {
        @Override
        public void write(
                GoBuildInfo info,
                String binaryName,
                String binarySha256,
                Optional<RuntimeNeeds> runtimeNeeds,
                Path file) {
            String content = info.path() + " " + info.setting("GOOS").orElse("?") + "/"
                    + info.setting("GOARCH").orElse("?") + " " + binaryName + " " + binarySha256 + " by "
                    + fingerprint + "\n";
            try {
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void writeModule() throws IOException {
        go = InstalledGoForTests.toolchain();
        Files.writeString(module.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n");
        Files.createDirectories(module.resolve("cmd/app"));
        Files.writeString(
                module.resolve("cmd/app/main.go"),
                String.join(
                        "\n",
                        "package main",
                        "",
                        "import \"fmt\"",
                        "",
                        "var (",
                        "\tversion = \"dev\"",
                        "\tmotto   = \"\"",
                        "\tequation = \"\"",
                        ")",
                        "",
                        "func main() { fmt.Printf(\"%s|%s|%s\\n\", version, motto, equation) }",
                        ""));
    }

    @Test
    void linkerVariablesWithSpacesAndQuotesArriveIntact() throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("main.version", "1.2.3 (build 7)");
        variables.put("main.motto", "it's \"verified\"?".replace("\"", ""));
        variables.put("main.equation", "a=b c=\"d\"");
        BuildResult result = build(List.of("host"), options(variables, ""), false);
        Path binary = result.binaries().get(0).file();
        Process process = new ProcessBuilder(binary.toString()).start();
        String printed = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(printed).isEqualTo("1.2.3 (build 7)|it's verified?|a=b c=\"d\"");
    }

    @Test
    void aVariableOfAnotherPackageIsSetByItsImportPath() throws Exception {
        Files.createDirectories(module.resolve("internal/version"));
        Files.writeString(
                module.resolve("internal/version/version.go"), "package version\n\nvar GitCommit = \"unknown\"\n");
        Files.writeString(
                module.resolve("cmd/app/main.go"),
                String.join(
                        "\n",
                        "package main",
                        "",
                        "import (",
                        "\t\"fmt\"",
                        "",
                        "\t\"example.com/app/internal/version\"",
                        ")",
                        "",
                        "func main() { fmt.Println(version.GitCommit) }",
                        ""));
        BuildResult result = build(
                List.of("host"),
                options(Map.of("example.com/app/internal/version.GitCommit", "abc123 (dirty)"), ""),
                false);
        Process process = new ProcessBuilder(result.binaries().get(0).file().toString()).start();
        assertThat(new String(process.getInputStream().readAllBytes()).strip()).isEqualTo("abc123 (dirty)");
    }

    @Test
    void namesTheLinkerWouldRejectOrIgnoreAreRefusedBeforeAnythingBuilds() {
        for (String name : List.of("version", "main.ver sion", "main.a=b", ".version", "example.com/op/", "a/.b", "")) {
            assertThatThrownBy(() -> options(Map.of(name, "x"), ""))
                    .as(name)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("<linkerVariables> entry '" + name + "' is not a variable name the linker"
                            + " accepts: write importpath.name without spaces, quotes or '='");
        }
        assertThat(options(Map.of("sigs.k8s.io/kind/pkg/cmd/kind/version.gitCommit", "x", "main.v2", ""), "")
                        .linkerVariables())
                .hasSize(2);
    }

    @Test
    void aValueWithBothQuoteKindsIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> LinkerFlags.of("", Map.of("main.motto", "it's \"x\"")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<linkerVariables> entry main.motto contains both ' and \"");
    }

    @Test
    void quotingRoundTripsThroughGosSplitRules() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("main.a", "x y");
        variables.put("main.b", "it's");
        String flags = LinkerFlags.of("-s -w", variables);
        assertThat(GoQuoting.split(flags, "go.ldflags"))
                .containsExactly("-s", "-w", "-X", "main.a=x y", "-X", "main.b=it's");
    }

    @Test
    void theProfileSaysWhereEachTargetsTimeWentAndAnUpToDateTargetRunsNoGoBuild() {
        BuildOptions options = options(Map.of(), "");
        String windows = "windows/amd64";
        build(List.of(windows), options, false);
        assertThat(lastTimes.of(windows, "go build")).isPositive();
        assertThat(lastTimes.of(windows, "verification")).isPositive();
        assertThat(lastTimes.lines())
                .first()
                .asString()
                .startsWith("whole goal: target check ")
                .contains(", inputs ", ", SHA256SUMS ");
        assertThat(lastTimes.lines().get(1))
                .startsWith(windows + ": fingerprint ")
                .contains(", go build ", ", verification ", ", SHA-256 ", ", state ");

        build(List.of(windows), options, false);

        assertThat(lastTimes.lines().get(1))
                .startsWith(windows + ": fingerprint ")
                .contains(", up-to-date check ")
                .doesNotContain("go build");
    }

    @Test
    void nothingChangedMeansUpToDateAndAChangeRebuilds() throws IOException {
        BuildOptions options = options(Map.of(), "");
        BuildResult first = build(List.of("host", "windows/amd64"), options, false);
        assertThat(first.binaries()).noneMatch(BuiltBinary::upToDate);
        BuildResult second = build(List.of("host", "windows/amd64"), options, false);
        assertThat(second.binaries()).allMatch(BuiltBinary::upToDate);
        assertThat(second.sha256Sums()).content().isEqualTo(Files.readString(first.sha256Sums()));

        Path main = module.resolve("cmd/app/main.go");
        Files.writeString(main, Files.readString(main).replace("\"dev\"", "\"changed\""));
        Files.setLastModifiedTime(main, FileTime.from(Instant.now().plusSeconds(5)));
        BuildResult third = build(List.of("host", "windows/amd64"), options, false);
        assertThat(third.binaries()).noneMatch(BuiltBinary::upToDate);

        BuildResult forced = build(List.of("host", "windows/amd64"), options, true);
        assertThat(forced.binaries()).noneMatch(BuiltBinary::upToDate);
        assertThat(Sha256.of(forced.binaries().get(0).file()))
                .isEqualTo(third.binaries().get(0).sha256());
    }

    @Test
    void binariesOfTargetsNoLongerConfiguredLeaveTheOutputDirectoryButAUsersFilesStay() throws IOException {
        BuildOptions options = options(Map.of(), "");
        build(List.of("linux/amd64", "linux/arm64", "windows/amd64"), options, false);
        Path out = module.resolve("out");
        Files.writeString(out.resolve("RELEASE-NOTES.txt"), "mine");
        Files.writeString(out.resolve("windows_amd64/notes.txt"), "mine");
        Files.writeString(out.resolve("windows_amd64/app.exe"), "my own build of app.exe");

        // -Dgo.targets=linux/amd64 after a three-target build
        BuildResult result = build(List.of("linux/amd64"), options, false);

        assertThat(result.binaries()).singleElement().matches(BuiltBinary::upToDate);
        assertThat(result.sha256Sums())
                .content()
                .isEqualTo(result.binaries().get(0).sha256() + "  linux_amd64/app\n");
        assertThat(out.resolve("linux_arm64"))
                .as("gomvn's own binary and then its empty directory")
                .doesNotExist();
        assertThat(log)
                .contains("Removed " + out.resolve("linux_arm64/app")
                        + ": an earlier go:build wrote it for a target or package no longer configured.");
        assertThat(out.resolve("windows_amd64/app.exe"))
                .as("changed since gomvn wrote it")
                .hasContent("my own build of app.exe");
        assertThat(log)
                .contains("Left " + out.resolve("windows_amd64/app.exe") + " in place: an earlier go:build wrote"
                        + " it for a target or package no longer configured, but it has changed since, so it may be yours;"
                        + " SHA256SUMS does not list it.");
        assertThat(out.resolve("windows_amd64/notes.txt")).hasContent("mine");
        assertThat(out.resolve("RELEASE-NOTES.txt")).hasContent("mine");
        assertThat(module.resolve("state"))
                .isDirectoryNotContaining("glob:**/linux_arm64.properties")
                .isDirectoryNotContaining("glob:**/windows_amd64.properties")
                .isDirectoryContaining("glob:**/linux_amd64.properties");
    }

    @Test
    void eachBinaryHasItsSbomBesideItListedInSha256SumsKeptWhileUpToDateAndRemovedWithItsTarget() throws IOException {
        sbom = Optional.of(new RecordingSbomGenerator("one"));
        BuildOptions options = options(Map.of(), "");
        Path out = module.resolve("out");
        BuildResult first = build(List.of("linux/amd64", "windows/amd64"), options, false);

        Path linux = out.resolve("linux_amd64/app.cdx.json");
        Path windows = out.resolve("windows_amd64/app.cdx.json");
        assertThat(first.binaries())
                .extracting(binary -> binary.sbom().map(BuiltBinary.Sbom::file).orElseThrow())
                .containsExactly(linux, windows);
        assertThat(windows)
                .hasContent("example.com/app/cmd/app windows/amd64 app.exe "
                        + first.binaries().get(1).sha256() + " by one");
        assertThat(first.sha256Sums())
                .content()
                .contains(Sha256.of(linux) + "  linux_amd64/app.cdx.json\n")
                .contains(Sha256.of(windows) + "  windows_amd64/app.cdx.json\n")
                .hasLineCount(4);

        byte[] linuxSbom = Files.readAllBytes(linux);
        BuildResult second = build(List.of("linux/amd64", "windows/amd64"), options, false);
        assertThat(second.binaries()).allMatch(BuiltBinary::upToDate);
        assertThat(second.binaries()).allMatch(binary -> binary.sbom().isPresent());
        assertThat(linux).hasBinaryContent(linuxSbom);

        sbom = Optional.of(new RecordingSbomGenerator("two"));
        build(List.of("linux/amd64", "windows/amd64"), options, false);
        assertThat(windows)
                .as("a changed generator fingerprint rewrites the SBOMs")
                .content()
                .endsWith(" by two\n");
        linuxSbom = Files.readAllBytes(linux);

        Files.delete(linux);
        BuildResult rebuilt = build(List.of("linux/amd64", "windows/amd64"), options, false);
        assertThat(rebuilt.binaries()).allMatch(binary -> binary.sbom().isPresent());
        assertThat(linux).as("the same binary gives the same SBOM bytes").hasBinaryContent(linuxSbom);

        build(List.of("linux/amd64"), options, false);
        assertThat(out.resolve("windows_amd64")).doesNotExist();

        sbom = Optional.empty();
        BuildResult withoutSboms = build(List.of("linux/amd64"), options, false);
        assertThat(linux).doesNotExist();
        assertThat(withoutSboms.sha256Sums()).content().hasLineCount(1);
    }

    @Test
    void anExecutionWithItsOwnOutputDirectoryLeavesTheOthersBinariesAndStateAlone() {
        BuildOptions options = options(Map.of(), "");
        build(List.of("linux/amd64"), options, false);
        build(List.of("windows/amd64"), options, false, module.resolve("out-windows"), Duration.ofMinutes(1));
        assertThat(module.resolve("out/linux_amd64/app")).isRegularFile();
        assertThat(build(List.of("linux/amd64"), options, false).binaries()).allMatch(BuiltBinary::upToDate);
    }

    @Test
    void goSettingsFromTheProcessEnvironmentCountButTheRestOfItDoesNot() {
        Map<String, String> plain = new TreeMap<>(InstalledGoForTests.cleanEnvironment());
        plain.put("MAVEN_CMD_LINE_ARGS", "package");
        build(List.of("host"), BuildOptions.builder().environment(plain).build(), false);

        Map<String, String> otherInvocation = new TreeMap<>(plain);
        otherInvocation.put("MAVEN_CMD_LINE_ARGS", "-o package");
        assertThat(build(
                                List.of("host"),
                                BuildOptions.builder()
                                        .environment(otherInvocation)
                                        .build(),
                                false)
                        .binaries())
                .allMatch(BuiltBinary::upToDate);

        // GOFLAGS=-tags=special mvn package after a plain build.
        Map<String, String> tagged = new TreeMap<>(otherInvocation);
        tagged.put("GOFLAGS", "-tags=special");
        assertThat(build(
                                List.of("host"),
                                BuildOptions.builder().environment(tagged).build(),
                                false)
                        .binaries())
                .noneMatch(BuiltBinary::upToDate);
    }

    @Test
    void oneFailingTargetFailsTheBuildAfterTheOthersFinish() throws IOException {
        Files.writeString(module.resolve("cmd/app/broken_windows.go"), "package main\n\nvar broken int = \"x\"\n");
        assertThatThrownBy(() -> build(List.of("linux/amd64", "windows/amd64"), options(Map.of(), ""), false))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("1 of the targets failed to build")
                .hasMessageContaining("windows/amd64: 'go build")
                .hasMessageContaining("broken_windows.go:3:18")
                // go's own lines, without the package names go build -v printed for the progress reports.
                .hasMessageContaining("\n  # example.com/app/cmd/app\n")
                .hasMessageNotContaining("\n  example.com/app/cmd/app\n");
        assertThat(module.resolve("out/linux_amd64/app")).isRegularFile();
        assertThat(log).anyMatch(l -> l.startsWith("[windows/amd64] ") && l.contains("broken_windows.go:3"));
    }

    @Test
    void eachRunningTargetSaysHowFarItIsAndItsBinaryEndsWithSizeAndTime() throws IOException {
        String unique = UUID.randomUUID().toString();
        for (String name : List.of("alpha", "beta", "gamma")) {
            Files.createDirectories(module.resolve(name));
            Files.writeString(
                    module.resolve(name + "/" + name + ".go"),
                    "package " + name + "\n\nconst ID = \"" + name + unique + "\"\n");
        }
        Files.writeString(
                module.resolve("cmd/app/main.go"),
                String.join(
                        "\n",
                        "package main",
                        "",
                        "import (",
                        "\t\"fmt\"",
                        "",
                        "\t\"example.com/app/alpha\"",
                        "\t\"example.com/app/beta\"",
                        "\t\"example.com/app/gamma\"",
                        ")",
                        "",
                        "func main() { fmt.Println(alpha.ID, beta.ID, gamma.ID) }",
                        ""));

        build(List.of("host"), options(Map.of(), ""), false, module.resolve("out"), Duration.ofMillis(50));

        String prefix = "[" + go.platform() + "] app: ";
        List<String> beats =
                log.stream().filter(line -> line.startsWith(prefix)).toList();
        assertThat(beats)
                .isNotEmpty()
                .allMatch(line -> line.substring(prefix.length())
                        .matches("(loading packages(, \\d+ packages? to compile)?"
                                // Without a total until go list, which runs beside go build, has answered.
                                + "|compiling package \\d+( of \\d+)? \\([a-z./]+\\)(, then linking)?)"
                                + ", \\d+(\\.\\d)? m?s so far"));
        // go build -v's package names feed the count; only -X (or -v in go.buildFlags) shows them.
        assertThat(log).noneMatch(line -> line.endsWith("] example.com/app/alpha"));
        assertThat(log)
                .anyMatch(line -> line.matches(Pattern.quote(go.platform().toString())
                        + " +app +\\d+\\.\\d MiB  sha256:[0-9a-f]{12}  \\d+(\\.\\d)? m?s"));
    }

    @Test
    void aBuildOverBeforeHalfTheHeartbeatIntervalDoesNotPayForListingItsPackages() {
        build(List.of("host"), options(Map.of(), ""), false, module.resolve("out"), Duration.ofMinutes(1));
        assertThat(goCommands)
                .anyMatch(command -> command.contains(" build -v "))
                .noneMatch(command -> command.contains(" list -deps "));

        goCommands.clear();
        build(List.of("host"), options(Map.of(), ""), true, module.resolve("out"), Duration.ofMillis(2));
        assertThat(goCommands).anyMatch(command -> command.contains(" list -deps "));
    }

    @Test
    void aTargetWithSeveralBinariesEndsWithItsTotalTime() throws IOException {
        Files.createDirectories(module.resolve("cmd/tool"));
        Files.writeString(module.resolve("cmd/tool/main.go"), "package main\n\nfunc main() {}\n");
        BuildRequest request = BuildRequest.builder()
                .moduleDirectory(module)
                .outputDirectory(module.resolve("out"))
                .stateDirectory(module.resolve("state"))
                .targets(TargetList.parse(new ArrayList<>(List.of("host")), go.platform()))
                .packages(List.of("./cmd/app", "./cmd/tool"))
                .defaultName("app")
                .options(options(Map.of(), ""))
                .parallelism(1)
                .outputsToIgnore(List.of(module.resolve("out"), module.resolve("state")))
                .build();
        new GoBuilder(go, recording()).build(request);
        assertThat(log)
                .filteredOn(line -> line.startsWith("[" + go.platform() + "] 2 binaries built in "))
                .singleElement()
                .matches(line -> line.matches(".* built in \\d+(\\.\\d)? m?s"));
    }

    @Test
    void goListCountsOnlyThePackagesThatAreNotInTheBuildCache() throws IOException {
        Files.createDirectories(module.resolve("lib"));
        Files.writeString(module.resolve("lib/lib.go"), "package lib\n\nconst ID = \"first\"\n");
        Files.writeString(
                module.resolve("cmd/app/main.go"),
                "package main\n\nimport \"example.com/app/lib\"\n\nfunc main() { println(lib.ID) }\n");
        BuildOptions options = options(Map.of(), "");
        build(List.of("host"), options, false);
        assertThat(stalePackages(options).toCompile()).isEmpty();

        Files.writeString(module.resolve("lib/lib.go"), "package lib\n\nconst ID = \"" + UUID.randomUUID() + "\"\n");
        StalePackages afterAChange = stalePackages(options);
        assertThat(afterAChange.toCompile())
                .containsExactlyInAnyOrder("example.com/app/lib", "example.com/app/cmd/app");
        assertThat(afterAChange.dependencies()).contains("runtime", "example.com/app/lib", "example.com/app/cmd/app");
    }

    private StalePackages stalePackages(BuildOptions options) {
        return StalePackages.of(
                        go.goRoot(),
                        options,
                        options.environment(BuildTarget.parse("host", go.platform()), go.platform()),
                        module,
                        "./cmd/app",
                        line -> {},
                        GoLog.SILENT)
                .orElseThrow();
    }

    @Test
    void cgoForAnotherPlatformNeedsACrossCompiler() {
        BuildOptions cgo = BuildOptions.builder().cgo(true).build();
        assertThatThrownBy(() -> cgo.environment(BuildTarget.parse("windows/arm64", go.platform()), go.platform()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<cgo> (go.cgo) is on and windows/arm64 is not this machine's platform")
                .hasMessageContaining("set CC_FOR_windows_arm64 (or CC) in <environment>, let gomvn provide Zig, or"
                        + " turn cgo off");
    }

    @Test
    void packagePatternsAndCollidingNamesAreRefused() {
        assertThatThrownBy(() -> BinaryNames.of(List.of("./cmd/..."), Map.of(), "app"))
                .hasMessageContaining("contains the pattern './cmd/...'");
        assertThatThrownBy(() -> BinaryNames.of(List.of("./a/tool", "./b/tool"), Map.of(), "app"))
                .hasMessageContaining("would both be built as 'tool'; give one another name in <binaryNames>");
        assertThat(BinaryNames.of(List.of(".", "./cmd/tool/v2", "./cmd/x"), Map.of("x", "renamed"), "artifact"))
                .containsValues("artifact", "tool", "renamed");
    }

    private BuildOptions options(Map<String, String> variables, String flags) {
        return BuildOptions.builder()
                .linkerVariables(variables)
                .buildFlags(flags)
                .environment(InstalledGoForTests.cleanEnvironment())
                .build();
    }

    /** The phase times of the last {@link #build}. */
    private PhaseTimes lastTimes;

    private BuildResult build(List<String> targets, BuildOptions options, boolean force) {
        return build(targets, options, force, module.resolve("out"), Duration.ofMinutes(1));
    }

    private BuildResult build(
            List<String> targets,
            BuildOptions options,
            boolean force,
            Path outputDirectory,
            Duration progressInterval) {
        BuildRequest request = BuildRequest.builder()
                .moduleDirectory(module)
                .outputDirectory(outputDirectory)
                .stateDirectory(module.resolve("state"))
                .targets(TargetList.parse(new ArrayList<>(targets), go.platform()))
                .packages(List.of("./cmd/app"))
                .defaultName("app")
                .options(options)
                .parallelism(2)
                .force(force)
                .outputsToIgnore(List.of(module.resolve("out"), module.resolve("out-windows"), module.resolve("state")))
                .sbom(sbom)
                .build();
        lastTimes = new PhaseTimes();
        return new GoBuilder(go, recording(), progressInterval).build(request, lastTimes);
    }

    private GoLog recording() {
        return GoLog.of(
                log::add,
                log::add,
                message -> {
                    if (message.startsWith("Running in ")) {
                        goCommands.add(message);
                    }
                },
                () -> true,
                false);
    }
}
