package dev.gomvn.core.provision.download;

/**
 * The SHA-256 an archive must have, and where we learned it, for the log line that says how the SDK
 * was verified.
 */
public record ExpectedDigest(String sha256Hex, String source) {}
