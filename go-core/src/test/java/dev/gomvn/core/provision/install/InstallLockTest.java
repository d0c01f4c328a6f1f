package dev.gomvn.core.provision.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import java.io.BufferedReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class InstallLockTest {

    @TempDir
    Path work;

    /** Real path, so expected messages match on systems where the temp directory is behind a link. */
    private Path lockFile() throws java.io.IOException {
        return work.toRealPath().resolve("go1.22.5.linux-amd64.lock");
    }

    @Test
    void leftoverLockFileOfADeadBuildDoesNotBlock() throws Exception {
        Path lockFile = lockFile();
        Files.writeString(lockFile, "pid=999999\nhost=ci-agent-7\nsince=2024-01-01T00:00:00Z\n");

        try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofMillis(200), GoLog.SILENT)) {
            assertThat(Files.readString(lockFile))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void lockIsReusableAfterRelease() throws Exception {
        Path lockFile = lockFile();
        InstallLock.acquire(lockFile, Duration.ofMillis(200), GoLog.SILENT).close();

        try (InstallLock again = InstallLock.acquire(lockFile, Duration.ofMillis(200), GoLog.SILENT)) {
            assertThat(again.lockFile()).isEqualTo(lockFile);
        }
    }

    @Test
    void anotherThreadWaitsAndTimesOutNamingTheHolder() throws Exception {
        Path lockFile = lockFile();
        RecordingLog log = new RecordingLog();
        try (InstallLock held = InstallLock.acquire(lockFile, Duration.ofSeconds(1), GoLog.SILENT)) {
            CompletableFuture<InstallLock> waiter =
                    CompletableFuture.supplyAsync(() -> InstallLock.acquire(lockFile, Duration.ofMillis(150), log));

            assertThat(waiter)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(EnvironmentException.class)
                    .withMessageStartingWith("Timed out after 150 ms waiting for the lock " + lockFile + " held by pid "
                            + ProcessHandle.current().pid() + " on host ")
                    .withMessageEndingWith("; if no build is running, delete " + lockFile + ".");
            assertThat(log.lines).anyMatch(line -> line.contains("Waiting for another build thread"));
        }
    }

    @Test
    void threadsTakeTurns() throws Exception {
        Path lockFile = lockFile();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofSeconds(5), GoLog.SILENT)) {
                firstHolds.countDown();
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofSeconds(10), GoLog.SILENT)) {
                return System.nanoTime();
            }
        });
        Thread.sleep(100);
        assertThat(second).isNotDone();

        long released = System.nanoTime();
        releaseFirst.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isGreaterThan(released);
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void lockHeldByAnotherProcessTimesOutNamingItAndIsFreedWhenItDies() throws Exception {
        Path lockFile = lockFile();
        Process holder = OtherBuildProcess.start("hold", lockFile.toString());
        try {
            BufferedReader output = OtherBuildProcess.outputOf(holder);
            OtherBuildProcess.awaitLine(holder, output, "LOCKED");
            RecordingLog log = new RecordingLog();

            assertThatThrownBy(() -> InstallLock.acquire(lockFile, Duration.ofMillis(300), log))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("Timed out after 300 ms waiting for the lock " + lockFile + " held by pid "
                            + holder.pid() + " on host ")
                    .hasMessageEndingWith("if no build is running, delete " + lockFile + ".");
            assertThat(log.lines)
                    .anyMatch(line -> line.contains("Waiting for another build to finish installing")
                            && line.contains("pid " + holder.pid()));

            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertThat(Files.readString(lockFile)).contains("pid=" + holder.pid());
            try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofSeconds(5), GoLog.SILENT)) {
                assertThat(Files.readString(lockFile))
                        .contains("pid=" + ProcessHandle.current().pid());
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void fileLockTakenElsewhereInThisJvmCountsAsHeld() throws Exception {
        // What a second copy of go-core in another class loader (another Maven plugin) looks like.
        Path lockFile = lockFile();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock whole = channel.lock()) {
            assertThatThrownBy(() -> InstallLock.acquire(lockFile, Duration.ofMillis(100), GoLog.SILENT))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("Timed out after 100 ms waiting for the lock " + lockFile);
        }

        try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofMillis(100), GoLog.SILENT)) {
            assertThat(lock.lockFile()).isEqualTo(lockFile);
        }
    }
}
