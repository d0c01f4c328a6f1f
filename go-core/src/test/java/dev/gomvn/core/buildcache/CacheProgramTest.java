package dev.gomvn.core.buildcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheProgramTest {
    @TempDir
    Path temp;

    /** The program's own tests (protocol, store hits, corruption, failing and slow stores, read-only) with real go. */
    @Test
    void theProgramPassesItsGoTests() throws IOException {
        Path module = Files.createDirectories(temp.resolve("cacheprog"));
        for (Map.Entry<String, byte[]> source : CacheProgram.sources().entrySet()) {
            Files.write(module.resolve(source.getKey()), source.getValue());
        }
        for (Path test : goFiles("cacheprog/helpers_test.go")) {
            Files.copy(test, module.resolve(test.getFileName()));
        }
        Files.writeString(module.resolve("go.mod"), "module gomvn.dev/cacheprog\n\ngo 1.24\n");
        Toolchain go = InstalledGoForTests.toolchain();
        // Built as CacheProgram builds it (-trimpath, no cgo): the same program, and the standard library compiled
        // for that build is reused instead of compiled once more (a fresh machine's CI saves ~15 s of two cores).
        Map<String, String> environment = new LinkedHashMap<>(InstalledGoForTests.cleanEnvironment());
        environment.put("CGO_ENABLED", "0");
        GoProcessResult result = GoCommand.of(go.goRoot(), "test", "-trimpath", "-count=1", ".")
                .in(module)
                .environment(environment)
                .run();
        assertThat(result.succeeded())
                .as("go test of the cache program:\n%s", String.join("\n", result.tail()))
                .isTrue();
    }

    /** A file added to the program's directory but not to SOURCES would be missing from the built program. */
    @Test
    void everyGoFileOfTheDirectoryIsCompiledAndInTheDigest() throws IOException {
        assertThat(goFiles("cacheprog/main.go").stream()
                        .map(file -> file.getFileName().toString())
                        .filter(name -> !name.endsWith("_test.go")))
                .containsExactlyInAnyOrderElementsOf(CacheProgram.SOURCES);
        Map<String, byte[]> sources = CacheProgram.sources();
        String digest = CacheProgram.digest(sources);
        Map<String, byte[]> changed = new LinkedHashMap<>(sources);
        changed.put("stats.go", (new String(sources.get("stats.go"), StandardCharsets.UTF_8) + "\n").getBytes());
        assertThat(CacheProgram.digest(changed)).as("a change in the last file").isNotEqualTo(digest);
    }

    /** The .go files beside a resource (main or test): in the build's output directories, not a jar. */
    private static List<Path> goFiles(String resource) throws IOException {
        try (Stream<Path> files = Files.list(
                Path.of(URI.create(CacheProgramTest.class.getResource(resource).toString()))
                        .getParent())) {
            return files.filter(file -> file.toString().endsWith(".go")).toList();
        }
    }

    @Test
    void isBuiltOnceAndRebuiltWhenItsBinaryNoLongerHasTheRecordedDigest() throws IOException {
        Toolchain go = InstalledGoForTests.toolchain();
        List<String> log = new CopyOnWriteArrayList<>();
        GoLog recording = GoLog.of(log::add, log::add, line -> {}, () -> false, false);

        Path program = CacheProgram.install(go, temp, InstalledGoForTests.cleanEnvironment(), recording);
        assertThat(program).isExecutable();
        assertThat(program.getParent().getFileName().toString())
                .startsWith(go.version().withGoPrefix() + "-" + go.platform().key() + "-");
        assertThat(log)
                .containsExactly(
                        "Building the shared build cache's program with Go " + go.version() + " (once per Go version)");
        String digest = Sha256.of(program);

        log.clear();
        assertThat(CacheProgram.install(go, temp, InstalledGoForTests.cleanEnvironment(), recording))
                .isEqualTo(program);
        assertThat(log).as("reused, not built again").isEmpty();

        Files.write(program, new byte[] {0}, StandardOpenOption.APPEND);
        assertThat(CacheProgram.install(go, temp, InstalledGoForTests.cleanEnvironment(), recording))
                .isEqualTo(program);
        assertThat(log.get(0)).contains("does not have the SHA-256 recorded when it was built; building it again");
        assertThat(Sha256.of(program)).isEqualTo(digest);
        try (var leftovers = Files.list(temp.resolve("cacheprog"))) {
            assertThat(leftovers).as("no temporary directories are left").hasSize(1);
        }
    }
}
