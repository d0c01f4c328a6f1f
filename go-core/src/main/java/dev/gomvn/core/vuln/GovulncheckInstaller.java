package dev.gomvn.core.vuln;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.provision.install.InstallLock;
import dev.gomvn.core.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * govulncheck at a pinned version, built once per Go by {@code go install} into gomvn's cache: the go command
 * fetches golang.org/x/vuln through the user's GOPROXY and checks it against go.sum's checksum database like any
 * module, and it runs in an empty directory, so the user's go.mod and go.sum never see it.
 */
public final class GovulncheckInstaller {
    /** golang.org/x/vuln release; v1.9.0 builds and runs with Go 1.26. */
    public static final String VERSION = "v1.9.0";

    static final String PACKAGE = "golang.org/x/vuln/cmd/govulncheck";

    private final GoLog log;

    public GovulncheckInstaller(GoLog log) {
        this.log = log;
    }

    /**
     * The govulncheck executable, installed under {@code cacheDirectory/govulncheck/<version>-<go>} unless it is
     * already there.
     *
     * @param environment the go environment of the build (GOPROXY, GOSUMDB, GOFLAGS, proxies ...)
     * @param proxyLogin  for the download: {@code go install} with cgo off runs nothing of the user's
     * @param offline Maven's -o: golang.org/x/vuln must come from the module cache
     */
    public Path install(
            Toolchain toolchain,
            Map<String, String> environment,
            ProxyLogin proxyLogin,
            boolean offline,
            Path cacheDirectory,
            Duration lockTimeout) {
        Path home = cacheDirectory
                .resolve("govulncheck")
                .resolve(VERSION + "-" + toolchain.version().withGoPrefix() + "-"
                        + toolchain.platform().key());
        Path executable = home.resolve("bin")
                .resolve(toolchain.platform().goos().equals("windows") ? "govulncheck.exe" : "govulncheck");
        if (Files.isExecutable(executable)) {
            return executable;
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new EnvironmentException("Could not create " + home + ": " + e.getMessage(), e);
        }
        try (InstallLock lock = InstallLock.acquire(home.resolve(".lock"), lockTimeout, log)) {
            if (Files.isExecutable(executable)) {
                return executable;
            }
            log.info("Installing govulncheck " + VERSION + " with "
                    + toolchain.version().withGoPrefix() + " into " + home
                    + " (go install, checked against the checksum database).");
            Path emptyDirectory = Files.createDirectories(home.resolve("work"));
            Map<String, String> installEnvironment = new LinkedHashMap<>(environment);
            // Module mode outside any module: go.work or a GOFLAGS=-mod=vendor of the user must not apply here.
            installEnvironment.put("GOBIN", home.resolve("bin").toString());
            installEnvironment.put("GOWORK", "off");
            installEnvironment.put("GO111MODULE", "on");
            installEnvironment.put("GOFLAGS", "");
            installEnvironment.put("CGO_ENABLED", "0");
            // Built for this machine even when the build's environment names a cross target.
            installEnvironment.remove("GOOS");
            installEnvironment.remove("GOARCH");
            if (offline) {
                // -o: from the module cache only, as the go command does it for every other module.
                installEnvironment.put("GOPROXY", "off");
            }
            GoProcessResult result = GoCommand.of(toolchain.goRoot(), "install", PACKAGE + "@" + VERSION)
                    .in(emptyDirectory)
                    .environment(installEnvironment)
                    .proxyLogin(proxyLogin)
                    .onStderr(log::info)
                    .log(log)
                    .run();
            if (result.exitCode() != 0 || !Files.isExecutable(executable)) {
                throw new EnvironmentException("'" + result.commandLine() + "' failed (exit " + result.exitCode()
                        + "), so govulncheck is not available:" + System.lineSeparator()
                        + String.join(System.lineSeparator(), result.tail()) + System.lineSeparator()
                        + "Check that GOPROXY (now '" + environment.getOrDefault("GOPROXY", "default")
                        + "') serves golang.org/x/vuln " + VERSION + "; with -o it must already be in the module "
                        + "cache.");
            }
            return executable;
        } catch (IOException e) {
            throw new EnvironmentException("Could not prepare " + home + ": " + e.getMessage(), e);
        }
    }
}
