package dev.gomvn.cgo.zig;

import dev.gomvn.core.cgo.ProvidedCCompiler;
import dev.gomvn.core.gobuild.BuildTarget;
import dev.gomvn.core.gobuild.GoQuoting;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code zig cc} as cgo's C compiler: one hermetic cross compiler, with its own libc headers and libraries, for every
 * target, as rules_go's hermetic_cc_toolchain uses it. Its compiled C libraries (musl, mingw-w64, glibc stubs) are kept
 * in one cache, so a second build of a target compiles only the user's C code.
 */
public final class ZigCCompiler implements ProvidedCCompiler {
    private final Path zig;
    private final String version;
    private final String archiveSha256;
    private final Path cacheDirectory;
    private final ZigGlibcSymbols glibcSymbols;
    private final Map<String, Boolean> prepared = new ConcurrentHashMap<>();

    /**
     * @param zig the verified zig executable, beside its {@code lib/}
     * @param version its version, e.g. 0.17.1
     * @param archiveSha256 the SHA-256 of the archive it was installed from
     * @param cacheDirectory Zig's global cache
     */
    public ZigCCompiler(Path zig, String version, String archiveSha256, Path cacheDirectory) {
        this.zig = zig;
        this.version = version;
        this.archiveSha256 = archiveSha256;
        this.cacheDirectory = cacheDirectory;
        this.glibcSymbols = new ZigGlibcSymbols(zig.toAbsolutePath().getParent());
    }

    @Override
    public Map<String, String> environment(BuildTarget target, String glibcVersion) {
        String triple = ZigTargets.triple(target, glibcVersion);
        String executable = GoQuoting.quote(zig.toString(), "The path of zig");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("CC", executable + " cc -target " + triple);
        variables.put("CXX", executable + " c++ -target " + triple);
        variables.put("ZIG_GLOBAL_CACHE_DIR", cacheDirectory.toString());
        variables.put("ZIG_LOCAL_CACHE_DIR", cacheDirectory.toString());
        return variables;
    }

    /**
     * Has Zig build the target's C library (musl, mingw-w64, glibc's start-up files) now, from its cache directory, with
     * the flags go will link with, so go's link finds it cached. Zig records the directory it compiles that library in
     * (DWARF comp_dir); built during go's link, it would be the checkout's, and two checkouts would give different
     * bytes. Cached, this costs one zig process per target and build (about 30 ms).
     */
    @Override
    public void prepare(BuildTarget target, String glibcVersion, String linkerFlags) {
        String triple = ZigTargets.triple(target, glibcVersion);
        prepared.computeIfAbsent(triple + " " + linkerFlags, key -> {
            ZigLibraryBuild.run(zig, triple, linkerFlags, cacheDirectory);
            return Boolean.TRUE;
        });
    }

    @Override
    public String identity() {
        return "zig " + version + " sha256:" + archiveSha256;
    }

    @Override
    public Optional<String> firstGlibcWith(String function, BuildTarget target) {
        String triple = ZigTargets.triple(target, "0");
        return glibcSymbols.firstGlibcWith(function, triple.substring(0, triple.lastIndexOf('.')));
    }
}
