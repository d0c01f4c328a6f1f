package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildMemoTest {
    @TempDir
    Path temp;

    record Asked(FileStamp binary) {}

    @Test
    void anAnswerKeptOnDiskIsReadByTheNextBuildUntilTheBinaryChanges() throws IOException {
        Path binary = Files.writeString(temp.resolve("go"), "one go");
        Path answers = temp.resolve("answers");
        AtomicInteger runs = new AtomicInteger();

        assertThat(new BuildMemo(answers)
                        .rememberOnDisk(new Asked(FileStamp.of(binary)), k -> "go1.26.8 #" + runs.incrementAndGet()))
                .isEqualTo("go1.26.8 #1");
        BuildMemo nextBuild = new BuildMemo(answers);
        assertThat(nextBuild.rememberOnDisk(new Asked(FileStamp.of(binary)), k -> "#" + runs.incrementAndGet()))
                .isEqualTo("go1.26.8 #1");

        // Another binary in the same place: another stamp, asked again.
        Files.delete(binary);
        Files.writeString(temp.resolve("go"), "another, longer go");
        assertThat(new BuildMemo(answers)
                        .rememberOnDisk(new Asked(FileStamp.of(binary)), k -> "go1.27.0 #" + runs.incrementAndGet()))
                .isEqualTo("go1.27.0 #2");
    }

    @Test
    void withoutADirectoryOrWithAnUnwritableOneOnlyTheBuildRemembers() throws IOException {
        Path blocked = Files.writeString(temp.resolve("a-file-not-a-directory"), "");
        Asked key = new Asked(FileStamp.of(temp.resolve("go")));
        for (BuildMemo memo : new BuildMemo[] {new BuildMemo(), new BuildMemo(blocked)}) {
            assertThat(memo.rememberOnDisk(key, k -> "answer")).isEqualTo("answer");
            assertThat(memo.rememberOnDisk(key, k -> "again")).isEqualTo("answer");
        }
        assertThat(new BuildMemo(blocked).rememberOnDisk(key, k -> "asked again"))
                .isEqualTo("asked again");
    }
}
