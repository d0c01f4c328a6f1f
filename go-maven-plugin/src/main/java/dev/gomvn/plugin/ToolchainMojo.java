package dev.gomvn.plugin;

import dev.gomvn.core.HumanReadable;
import dev.gomvn.core.gobuild.TargetList;
import dev.gomvn.core.toolchain.Toolchain;
import dev.gomvn.maven.PluginConfigurationReader;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Selects or provisions the Go SDK for this build, verified by SHA-256, and publishes it as the
 * project properties {@code go.root}, {@code go.executable} and {@code go.version.resolved}. It also
 * checks go:build's {@code <targets>} against that Go, the first goal of the build to know them.
 */
@Mojo(name = "toolchain", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class ToolchainMojo extends AbstractToolchainMojo {

    @Override
    void run() {
        long started = System.nanoTime();
        Toolchain toolchain = resolveToolchain();
        // go:build's targets, checked here so that a typo fails before anything compiles.
        TargetList.resolve(
                new PluginConfigurationReader(project, expressionEvaluator()).buildTargets(), toolchain, goLog());
        project.getProperties().setProperty("go.root", toolchain.goRoot().toString());
        project.getProperties()
                .setProperty("go.executable", toolchain.goExecutable().toString());
        project.getProperties()
                .setProperty("go.version.resolved", toolchain.version().toString());
        getLog().info("Go " + toolchain.version() + " " + toolchain.platform() + ": " + toolchain.origin() + " ["
                + HumanReadable.duration(Duration.ofNanos(System.nanoTime() - started)) + "]");
    }
}
