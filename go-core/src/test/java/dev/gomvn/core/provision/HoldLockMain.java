package dev.gomvn.core.provision;

import dev.gomvn.core.provision.install.InstallLock;
import java.nio.file.Path;
import java.time.Duration;

/** A second JVM that holds an install lock until it is killed. */
public final class HoldLockMain {
    private HoldLockMain() {}

    public static void main(String[] args) throws InterruptedException {
        try (InstallLock lock = InstallLock.acquire(Path.of(args[0]), Duration.ofSeconds(10))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
