package dev.gomvn.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** Aggregator POMs (packaging pom) without a go.mod have nothing to build or test. */
final class GoModuleCheck {
    private GoModuleCheck() {}

    static boolean skipNonGoProject(MavenProject project, Path moduleDirectory, Log log) {
        if ("pom".equals(project.getPackaging()) && !Files.isRegularFile(moduleDirectory.resolve("go.mod"))) {
            log.info("Skipping: " + project.getArtifactId() + " has packaging pom and no go.mod in " + moduleDirectory
                    + ".");
            return true;
        }
        return false;
    }
}
