package dev.gomvn.maven;

import dev.gomvn.core.GoLog;
import org.apache.maven.plugin.logging.Log;

/** Sends the core's messages to Maven's log. */
public final class MavenGoLog implements GoLog {
    private final Log log;
    private final boolean interactive;

    public MavenGoLog(Log log, boolean interactive) {
        this.log = log;
        this.interactive = interactive;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isInteractive() {
        return interactive;
    }
}
