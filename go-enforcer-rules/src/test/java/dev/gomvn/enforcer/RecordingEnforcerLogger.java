package dev.gomvn.enforcer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;

/** The enforcer's logger as a rule test reads it: every line, by level; warnOrError counts as a warning. */
final class RecordingEnforcerLogger implements EnforcerLogger {
    final List<String> debug = new ArrayList<>();
    final List<String> info = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void warnOrError(CharSequence message) {
        warnings.add(message.toString());
    }

    @Override
    public void warnOrError(Supplier<CharSequence> message) {
        warnOrError(message.get());
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence message) {
        debug.add(message.toString());
    }

    @Override
    public void debug(Supplier<CharSequence> message) {
        debug(message.get());
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence message) {
        info.add(message.toString());
    }

    @Override
    public void info(Supplier<CharSequence> message) {
        info(message.get());
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence message) {
        warnings.add(message.toString());
    }

    @Override
    public void warn(Supplier<CharSequence> message) {
        warn(message.get());
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence message) {
        errors.add(message.toString());
    }

    @Override
    public void error(Supplier<CharSequence> message) {
        error(message.get());
    }
}
