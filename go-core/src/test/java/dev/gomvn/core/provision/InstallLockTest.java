package dev.gomvn.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.provision.install.InstallLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallLockTest {
    @TempDir
    Path temp;

    @Test
    void aLockFileLeftByAKilledBuildDoesNotBlock() throws Exception {
        Path lockFile = temp.resolve("go1.22.5.linux-amd64.lock");
        Files.writeString(lockFile, "pid 99999 on host gone since 2020-01-01T00:00:00Z\n");
        long started = System.nanoTime();
        try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofSeconds(5))) {
            assertThat(Files.readString(lockFile)).contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aLiveHolderInAnotherProcessIsNamedWhenWaitingTimesOut() throws Exception {
        Path lockFile = temp.resolve("go1.22.5.linux-amd64.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldLockMain.class.getName(),
                lockFile.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> InstallLock.acquire(lockFile, Duration.ofMillis(300)))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("Timed out after 300 ms waiting for the lock " + lockFile)
                    .hasMessageContaining("held by pid " + holder.pid())
                    .hasMessageContaining("if none is running, delete " + lockFile);
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        try (InstallLock lock = InstallLock.acquire(lockFile, Duration.ofSeconds(5))) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void threadsOfOneJvmWaitForEachOther() throws Exception {
        Path lockFile = temp.resolve("x.lock");
        try (InstallLock first = InstallLock.acquire(lockFile, Duration.ofSeconds(1))) {
            Thread other = new Thread(() -> assertThatThrownBy(() -> InstallLock.acquire(lockFile, Duration.ofMillis(200)))
                    .isInstanceOf(EnvironmentException.class).hasMessageContaining("Timed out"));
            other.start();
            other.join();
        }
    }
}
