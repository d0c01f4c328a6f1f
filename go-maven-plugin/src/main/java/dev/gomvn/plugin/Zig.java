package dev.gomvn.plugin;

import java.util.Properties;

/**
 * The {@code <zig>} of go:build: which Zig gomvn provides as the C compiler of cgo targets whose environment names
 * none, and where it comes from. Every field is optional; one not set in the POM is read from the property
 * {@code go.zig.<field>} ({@code -Dgo.zig.downloadRoot=file:/mirror/}), as a parameter with a property would be.
 */
public class Zig {
    /** The Zig version, e.g. 0.17.1 (the default). */
    String version;

    /**
     * Where zig-&lt;arch&gt;-&lt;os&gt;-&lt;version&gt;.tar.xz (.zip on Windows) and its .minisig are: http, https or a
     * file: mirror; https://ziglang.org/download/&lt;version&gt;/ by default.
     */
    String downloadRoot;

    /** The archive's SHA-256 for this machine: trusted without a signature. */
    String sha256;

    /**
     * The minisign public key the archive's .minisig must be made with: the Zig project's by default; a company
     * mirror that signs with its own key names that one.
     */
    String publicKey;

    /** The archive in a Maven repository instead, groupId:artifactId:version[:extension[:classifier]]; needs &lt;sha256&gt;. */
    String artifact;

    /** This configuration, each unset field from {@code go.zig.<field>} in {@code properties}. */
    Zig withDefaultsFrom(Properties properties) {
        Zig effective = new Zig();
        effective.version = version != null ? version : properties.getProperty("go.zig.version");
        effective.downloadRoot = downloadRoot != null ? downloadRoot : properties.getProperty("go.zig.downloadRoot");
        effective.sha256 = sha256 != null ? sha256 : properties.getProperty("go.zig.sha256");
        effective.publicKey = publicKey != null ? publicKey : properties.getProperty("go.zig.publicKey");
        effective.artifact = artifact != null ? artifact : properties.getProperty("go.zig.artifact");
        return effective;
    }
}
