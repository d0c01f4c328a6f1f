package dev.gomvn.core.provision.install;

import dev.gomvn.core.GoLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the code under test logged at INFO and WARN, so tests can check what a user reads. */
final class RecordingLog implements GoLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {}

    @Override
    public boolean isDebugEnabled() {
        return false;
    }
}
