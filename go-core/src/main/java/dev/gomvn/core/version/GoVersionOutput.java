package dev.gomvn.core.version;

/** What {@code go version} reports: the version and the platform the binary runs on. */
public record GoVersionOutput(GoVersion version, String goos, String goarch) {}
