package dev.gomvn.plugin;

import java.io.File;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** Aggregator POMs (packaging pom) without a go.mod have nothing to build or test. */
final class GoModuleCheck {
    private GoModuleCheck() {}

    static boolean skipNonGoProject(MavenProject project, File moduleDirectory, Log log) {
        if ("pom".equals(project.getPackaging()) && !new File(moduleDirectory, "go.mod").isFile()) {
            log.info("Skipping: " + project.getArtifactId() + " has packaging pom and no go.mod in " + moduleDirectory + ".");
            return true;
        }
        return false;
    }
}
