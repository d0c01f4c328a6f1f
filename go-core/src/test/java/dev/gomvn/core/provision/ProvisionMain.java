package dev.gomvn.core.provision;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.net.NetworkSettings;
import dev.gomvn.core.toolchain.ToolchainResolver;
import java.nio.file.Path;

/** A second JVM for the two-processes test: provisions go1.22.5 from the given root into the given cache. */
public final class ProvisionMain {
    private ProvisionMain() {}

    public static void main(String[] args) {
        System.out.println(new ToolchainResolver(GoLog.SILENT)
                .resolve(SdkProvisionerTest.request(args[0], NetworkSettings.defaults(), "", Path.of(args[1])))
                .goRoot());
    }
}
