package dev.gomvn.core.modules;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Downloads the modules a module's packages and tests need through a settings.xml proxy that wants a login, before
 * gomvn runs go commands that see the proxy without it ({@link ProxyLogin}): once per build and module directory.
 * {@code go list -mod=readonly -e -deps -test ./...} loads every package go build and go test will compile, so it
 * downloads what they need (past a broken package, with -e); it runs nothing of the user's and, unlike {@code go mod
 * download} (which adds go.mod lines to an incomplete go.sum) or a GOFLAGS=-mod=mod, never writes go.mod or go.sum.
 */
public final class ModuleDownloads {
    private ModuleDownloads() {}

    private record Downloaded(Path moduleDirectory) {}

    /**
     * Nothing without a proxy login, offline, outside a module or for a vendored module. A failure is not the
     * build's end: the go command that needs the module reports it (missing go.sum lines are the rules' to
     * explain), with go's own message.
     */
    public static void ahead(
            Toolchain toolchain,
            Path moduleDirectory,
            Map<String, String> environment,
            ProxyLogin login,
            boolean offline,
            GoLog log) {
        if (!login.present()
                || offline
                || !Files.isRegularFile(moduleDirectory.resolve("go.mod"))
                || Files.isRegularFile(moduleDirectory.resolve("vendor").resolve("modules.txt"))) {
            return;
        }
        toolchain
                .memo()
                .remember(new Downloaded(moduleDirectory.toAbsolutePath().normalize()), key -> {
                    GoProcessResult result = GoCommand.of(
                                    toolchain.goRoot(), "list", "-mod=readonly", "-e", "-deps", "-test", "./...")
                            .in(moduleDirectory)
                            .environment(environment)
                            .proxyLogin(login)
                            .log(log)
                            .run();
                    if (result.succeeded()) {
                        log.debug("Downloaded the modules of " + moduleDirectory + " through " + login + ".");
                    } else {
                        log.debug("'" + result.commandLine() + "' in " + moduleDirectory + " failed (exit "
                                + result.exitCode() + "); the go command that needs a module will say why:\n  "
                                + String.join("\n  ", result.tail()));
                    }
                    return result.succeeded();
                });
    }
}
