package dev.gomvn.plugin;

/**
 * The {@code <zig>} of go:build: which Zig gomvn provides as the C compiler of cgo targets whose environment names
 * none, and where it comes from. Every field is optional.
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
}
