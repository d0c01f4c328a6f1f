package dev.gomvn.core.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gomvn.core.BuildMemo;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.net.ProxyLogin;
import dev.gomvn.core.net.ProxySettings;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import dev.gomvn.core.testsupport.LocalGoProxy;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ModuleDownloadsTest {
    private static final ProxyLogin LOGIN = new ProxyLogin(
            Map.of("HTTPS_PROXY", "http://corp:proxy-s3cret@proxy.corp:3128"),
            List.of(new ProxySettings("http", "proxy.corp", 3128, "corp", "proxy-s3cret", null)));
    private static final Map<String, String> ENVIRONMENT = Map.of("HTTPS_PROXY", "http://proxy.corp:3128");

    @TempDir
    Path temp;

    Path runs;
    Path module;
    Toolchain toolchain;

    /** A go that records each run's arguments and the proxy it was given. */
    @BeforeEach
    void fakeGo() throws IOException {
        runs = temp.resolve("runs.txt");
        Path go = Files.createDirectories(temp.resolve("go/bin")).resolve("go");
        Files.writeString(go, "#!/bin/sh\necho \"$PWD: $* via $HTTPS_PROXY\" >> '" + runs + "'\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        toolchain = new Toolchain(
                temp.resolve("go"), GoVersion.parse("1.26.0", "test"), Platform.host(), "a fake go", new BuildMemo());
        module = Files.createDirectories(temp.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.test/app\n\ngo 1.22\n");
    }

    @Test
    void downloadsWithTheLoginOncePerBuildAndModule() throws IOException {
        ModuleDownloads.ahead(toolchain, module, ENVIRONMENT, LOGIN, false, GoLog.SILENT);
        ModuleDownloads.ahead(toolchain, module, ENVIRONMENT, LOGIN, false, GoLog.SILENT);
        assertThat(Files.readAllLines(runs))
                .containsExactly(module.toRealPath()
                        + ": list -mod=readonly -e -deps -test ./... via http://corp:proxy-s3cret@proxy.corp:3128");

        Toolchain nextBuild = new Toolchain(
                toolchain.goRoot(), toolchain.version(), toolchain.platform(), toolchain.origin(), new BuildMemo());
        ModuleDownloads.ahead(nextBuild, module, ENVIRONMENT, LOGIN, false, GoLog.SILENT);
        assertThat(Files.readAllLines(runs)).hasSize(2);
    }

    @Test
    void neverWritesGoModOrGoSumEvenWhenGoflagsSayModMod() throws Exception {
        LocalGoProxy proxy = new LocalGoProxy(temp.resolve("proxy"))
                .publish("example.test/lib", "v1.0.0", Map.of("lib.go", "package lib\n\nconst Name = \"lib\"\n"));
        Path app = Files.createDirectories(temp.resolve("app"));
        String goMod = "module example.com/app\n\ngo 1.21\n";
        Files.writeString(app.resolve("go.mod"), goMod);
        Files.writeString(app.resolve("go.sum"), "");
        Files.writeString(
                app.resolve("main.go"),
                "package main\n\nimport \"example.test/lib\"\n\nfunc main() { println(lib.Name) }\n");
        Map<String, String> environment = new HashMap<>(proxy.goEnvironment(temp.resolve("modcache")));
        environment.put("GOFLAGS", "-mod=mod");
        Toolchain go = InstalledGoForTests.toolchain();
        Toolchain thisBuild = new Toolchain(go.goRoot(), go.version(), go.platform(), go.origin(), new BuildMemo());

        ModuleDownloads.ahead(thisBuild, app, environment, LOGIN, false, GoLog.SILENT);

        assertThat(app.resolve("go.mod")).content().isEqualTo(goMod);
        assertThat(app.resolve("go.sum")).content().isEmpty();
    }

    @Test
    void nothingWithoutALoginOfflineOutsideAModuleOrVendored() throws IOException {
        ModuleDownloads.ahead(toolchain, module, ENVIRONMENT, ProxyLogin.NONE, false, GoLog.SILENT);
        ModuleDownloads.ahead(toolchain, module, ENVIRONMENT, LOGIN, true, GoLog.SILENT);
        ModuleDownloads.ahead(toolchain, temp, ENVIRONMENT, LOGIN, false, GoLog.SILENT);
        Files.createDirectories(module.resolve("vendor"));
        Files.writeString(module.resolve("vendor/modules.txt"), "");
        ModuleDownloads.ahead(toolchain, module, ENVIRONMENT, LOGIN, false, GoLog.SILENT);
        assertThat(runs).doesNotExist();
    }
}
