package dev.gomvn.core.buildcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchKeyTest {
    @TempDir
    Path temp;

    static final Map<String, String> WITH_CACHE_PROGRAM =
            Map.of("GOCACHEPROG", "/sdk/gomvn-cacheprog", SharedBuildCache.LOCAL_DIRECTORY_VARIABLE, "/agent/cache");
    static final List<String> KIND = List.of("go build go1.26.8", ".", "linux/arm64", "cgo=false trimpath=true");

    Path checkout(String name, String module) throws IOException {
        Path directory = Files.createDirectories(temp.resolve(name));
        Files.writeString(directory.resolve("go.mod"), "module " + module + "\n\ngo 1.24\n");
        return directory;
    }

    String key(Path moduleDirectory, List<String> kind) {
        return PrefetchKey.name(WITH_CACHE_PROGRAM, moduleDirectory, kind).get(PrefetchKey.VARIABLE);
    }

    @Test
    void agentsWithCheckoutsInOtherDirectoriesShareTheKeyOfABuild() throws IOException {
        String onOneAgent = key(checkout("agent-1/operator", "example.com/operator"), KIND);
        String onAnother = key(checkout("workspace/build-42", "example.com/operator"), KIND);
        assertThat(onOneAgent).matches("[0-9a-f]{64}").isEqualTo(onAnother);
    }

    @Test
    void anotherModuleOrAnotherKindOfBuildHasAnotherKey() throws IOException {
        Path operator = checkout("operator", "example.com/operator");
        String key = key(operator, KIND);
        assertThat(key(checkout("agent", "example.com/agent"), KIND)).isNotEqualTo(key);
        assertThat(key(operator, List.of("go build go1.26.8", ".", "linux/amd64", "cgo=false trimpath=true")))
                .isNotEqualTo(key);
        assertThat(key(operator, List.of("go build go1.26.8", "./cmd/cli", "linux/arm64", "cgo=false trimpath=true")))
                .isNotEqualTo(key);
    }

    @Test
    void goWithoutGomvnsCacheProgramGetsNoKey() throws IOException {
        Map<String, String> environment = Map.of("GOFLAGS", "-mod=readonly");
        assertThat(PrefetchKey.name(environment, checkout("operator", "example.com/operator"), KIND))
                .isEqualTo(environment);
    }
}
