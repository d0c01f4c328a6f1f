package dev.gomvn.core.buildcache;

import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.Sha256;
import dev.gomvn.core.gomod.GoModFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The name of a kind of build (module, package or packages, target, what shapes compiling) under which the cache
 * program keeps the list of outputs that build used. A fresh agent's cache program downloads that list's outputs
 * ahead of go, several at once, instead of one round trip per action as go asks. Absolute paths are left out, so
 * that agents with other checkouts share the list; so are linker-only settings such as -X version stamps, so that
 * a release's first build still finds it.
 */
public final class PrefetchKey {
    static final String VARIABLE = "GOMVN_CACHE_PREFETCH_KEY";

    private PrefetchKey() {}

    /**
     * {@code environment} with the key of this kind of build, when it runs go with gomvn's cache program; else as
     * it is.
     *
     * @param kind what tells this build from the module's others: go version, packages, target, compile settings
     */
    public static Map<String, String> name(Map<String, String> environment, Path moduleDirectory, List<String> kind) {
        if (!environment.containsKey(SharedBuildCache.LOCAL_DIRECTORY_VARIABLE)) {
            return environment;
        }
        MessageDigest digest = Sha256.newDigest();
        digest.update(("gomvn prefetch 1\n" + modulePath(moduleDirectory) + "\n").getBytes(StandardCharsets.UTF_8));
        kind.forEach(part -> digest.update((part + "\n").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> result = new LinkedHashMap<>(environment);
        result.put(VARIABLE, HexFormat.of().formatHex(digest.digest()));
        return result;
    }

    /** The module's path tells projects apart that share a store; a go.mod go cannot read fails go's build anyway. */
    private static String modulePath(Path moduleDirectory) {
        Path goMod = moduleDirectory.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            return "";
        }
        try {
            return GoModFile.parse(goMod).modulePath().orElse("");
        } catch (GoCoreException e) {
            return "";
        }
    }
}
