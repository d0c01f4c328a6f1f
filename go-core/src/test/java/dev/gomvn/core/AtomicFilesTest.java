package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path directory;

    @Test
    void aWrittenFileHasThePermissionsAnyNewFileGetsNotOwnerOnly() throws IOException {
        Path ordinary = Files.createFile(directory.resolve("ordinary"));
        Path written = directory.resolve("SHA256SUMS");

        AtomicFiles.write(written, "abc  app\n".getBytes(StandardCharsets.UTF_8));

        assertThat(written).hasContent("abc  app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .as("the user's umask decides, as for %s", ordinary)
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
    }

    @Test
    void aFillerThatFailsLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("index.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.replace(target, temporary -> {
                    Files.writeString(temporary, "half");
                    throw new IOException("digest mismatch");
                }))
                .hasMessage("digest mismatch");

        assertThat(target).hasContent("old");
        try (var entries = Files.list(directory)) {
            assertThat(entries).containsExactly(target);
        }
    }

    @Test
    void threadsWritingOneFileNeverShareATemporaryFileAndTheResultIsOneWholeWrite() throws Exception {
        Path target = directory.resolve("blob");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String content = String.valueOf(i).repeat(100_000);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        String result = Files.readString(target);
        assertThat(result)
                .hasSize(100_000)
                .matches(text -> text.chars().distinct().count() == 1, "one writer's");
        try (var entries = Files.list(directory)) {
            assertThat(entries).containsExactly(target);
        }
    }
}
