package dev.gomvn.cgo.zig;

import java.nio.file.Path;

/**
 * A verified Zig in the cache.
 *
 * @param home the directory holding {@code zig} and {@code lib/}
 * @param zigExecutable {@code zig}, or {@code zig.exe} on Windows: {@code zig cc -target <triple>} is the C compiler
 * @param version the Zig version, e.g. {@code 0.17.1}
 * @param archiveSha256 the SHA-256 of the archive it was installed from, recorded at install time
 * @param verifiedBy what vouched for that archive: the pinned {@code <zig><sha256>} or a minisign signature and key
 */
public record ZigInstallation(Path home, Path zigExecutable, String version, String archiveSha256, String verifiedBy) {}
