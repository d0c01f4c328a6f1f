package dev.gomvn.cgo.zig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which glibc version first has a function, per target, from the {@code lib/libc/glibc/abilists} Zig ships (the file
 * Zig makes its glibc stubs from; format in ziglang/libc-abi-tools' README). It turns Zig's "call to undeclared
 * function 'getrandom'" under a glibc floor into "getrandom is in glibc 2.25 and later". Read once, on the first
 * question; a file that is missing or not in this format answers nothing.
 */
final class ZigGlibcSymbols {
    private final Path file;
    private List<String> targets;
    private List<String> versions;
    /** Function name -> for each target index, the lowest version index that has it (-1: none). */
    private Map<String, int[]> firstVersion;

    ZigGlibcSymbols(Path zigHome) {
        this.file = zigHome.resolve("lib").resolve("libc").resolve("glibc").resolve("abilists");
    }

    /** @param triple the target without its glibc version, as the file names it: {@code x86_64-linux-gnu} */
    synchronized Optional<String> firstGlibcWith(String function, String triple) {
        if (firstVersion == null && !load()) {
            return Optional.empty();
        }
        int target = targets.indexOf(triple);
        int[] first = firstVersion.get(function);
        if (target < 0 || first == null || first[target] < 0) {
            return Optional.empty();
        }
        return Optional.of(versions.get(first[target]));
    }

    private boolean load() {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            int libraries = Byte.toUnsignedInt(in.get());
            for (int i = 0; i < libraries; i++) {
                string(in);
            }
            versions = new ArrayList<>();
            int versionCount = Byte.toUnsignedInt(in.get());
            for (int i = 0; i < versionCount; i++) {
                int major = Byte.toUnsignedInt(in.get());
                int minor = Byte.toUnsignedInt(in.get());
                int patch = Byte.toUnsignedInt(in.get());
                versions.add(major + "." + minor + (patch == 0 ? "" : "." + patch));
            }
            targets = new ArrayList<>();
            int targetCount = Byte.toUnsignedInt(in.get());
            for (int i = 0; i < targetCount; i++) {
                targets.add(string(in));
            }
            firstVersion = functions(in, targetCount);
            return true;
        } catch (IOException | RuntimeException unreadable) {
            // Only an explanation depends on it: without the file the build's own error stands as it is.
            targets = List.of();
            versions = List.of();
            firstVersion = Map.of();
            return false;
        }
    }

    /** The function inclusions: a name, then inclusions (targets, library, versions) until one marked last. */
    private Map<String, int[]> functions(ByteBuffer in, int targetCount) {
        int inclusions = Short.toUnsignedInt(in.getShort());
        Map<String, int[]> first = new HashMap<>();
        String name = null;
        for (int i = 0; i < inclusions; i++) {
            if (name == null) {
                name = string(in);
            }
            long targetSet = uleb128(in);
            boolean last = (in.get() & 0x80) != 0;
            int lowest = Integer.MAX_VALUE;
            byte version;
            do {
                version = in.get();
                lowest = Math.min(lowest, version & 0x7f);
            } while ((version & 0x80) == 0);
            int[] perTarget = first.computeIfAbsent(name, key -> filled(targetCount));
            for (int target = 0; target < targetCount; target++) {
                if ((targetSet & (1L << target)) != 0 && (perTarget[target] < 0 || lowest < perTarget[target])) {
                    perTarget[target] = lowest;
                }
            }
            if (last) {
                name = null;
            }
        }
        return first;
    }

    private static int[] filled(int length) {
        int[] values = new int[length];
        java.util.Arrays.fill(values, -1);
        return values;
    }

    private static String string(ByteBuffer in) {
        int start = in.position();
        while (in.get() != 0) {
            // up to and past the terminating zero
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private static long uleb128(ByteBuffer in) {
        long value = 0;
        int shift = 0;
        byte b;
        do {
            b = in.get();
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 64);
        return value;
    }
}
