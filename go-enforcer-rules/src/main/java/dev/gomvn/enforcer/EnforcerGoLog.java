package dev.gomvn.enforcer;

import dev.gomvn.core.GoLog;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;

/** Sends the core's messages to the enforcer's logger. */
final class EnforcerGoLog implements GoLog {
    private final EnforcerLogger log;

    EnforcerGoLog(EnforcerLogger log) {
        this.log = log;
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
}
