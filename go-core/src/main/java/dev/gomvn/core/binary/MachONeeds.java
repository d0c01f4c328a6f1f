package dev.gomvn.core.binary;

import dev.gomvn.core.binary.BinaryHeader.Format;
import dev.gomvn.core.binary.RuntimeNeeds.Linkage;
import dev.gomvn.core.binary.RuntimeNeeds.MinimumOs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Mach-O executable's dylibs ({@code LC_LOAD_DYLIB} and its weak, re-export, lazy and upward kinds)
 * and its minimum OS ({@code LC_BUILD_VERSION}, or the older {@code LC_VERSION_MIN_*}): what decides
 * the oldest macOS it starts on.
 */
final class MachONeeds {
    private static final int LC_LOAD_DYLIB = 0xc;
    private static final int LC_LOAD_WEAK_DYLIB = 0x80000018;
    private static final int LC_REEXPORT_DYLIB = 0x8000001f;
    private static final int LC_LAZY_LOAD_DYLIB = 0x20;
    private static final int LC_LOAD_UPWARD_DYLIB = 0x80000023;
    private static final int LC_VERSION_MIN_MACOSX = 0x24;
    private static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    private static final int LC_BUILD_VERSION = 0x32;

    private MachONeeds() {}

    static RuntimeNeeds read(BinaryFile file) {
        ByteBuffer header = file.read(0, 28, ByteOrder.LITTLE_ENDIAN, "the Mach-O header");
        boolean is64 = header.getInt(0) == 0xfeedfacf;
        long count = Integer.toUnsignedLong(header.getInt(16));
        long size = Integer.toUnsignedLong(header.getInt(20));
        ByteBuffer commands = file.read(is64 ? 32 : 28, size, ByteOrder.LITTLE_ENDIAN, "the load commands");
        List<String> libraries = new ArrayList<>();
        Optional<MinimumOs> minimum = Optional.empty();
        int at = 0;
        for (long i = 0; i < count; i++) {
            if (at + 8 > commands.limit()) {
                throw file.malformed("load command " + i + " of " + count + " lies past the load commands' "
                        + commands.limit() + " bytes");
            }
            int command = commands.getInt(at);
            int commandSize = commands.getInt(at + 4);
            if (commandSize < 8 || commandSize > commands.limit() - at) {
                throw file.malformed("load command " + i + " claims " + Integer.toUnsignedString(commandSize)
                        + " bytes, beyond the load commands");
            }
            ByteBuffer body = commands.slice(at, commandSize).order(ByteOrder.LITTLE_ENDIAN);
            if (isDylib(command)) {
                libraries.add(dylibName(file, body, i));
            } else if (command == LC_BUILD_VERSION && commandSize >= 16) {
                minimum = Optional.of(new MinimumOs(platform(body.getInt(8)), version(body.getInt(12))));
            } else if ((command == LC_VERSION_MIN_MACOSX || command == LC_VERSION_MIN_IPHONEOS)
                    && commandSize >= 16
                    && minimum.isEmpty()) {
                String os = command == LC_VERSION_MIN_MACOSX ? "macOS" : "iOS";
                minimum = Optional.of(new MinimumOs(os, version(body.getInt(8))));
            }
            at += commandSize;
        }
        return new RuntimeNeeds(
                file.path(),
                Format.MACHO,
                Linkage.DYNAMIC,
                libraries.stream().anyMatch(name -> name.startsWith("/usr/lib/libSystem")) ? "libSystem" : "unknown",
                Optional.empty(),
                libraries,
                List.of(),
                Optional.empty(),
                minimum);
    }

    private static boolean isDylib(int command) {
        return command == LC_LOAD_DYLIB
                || command == LC_LOAD_WEAK_DYLIB
                || command == LC_REEXPORT_DYLIB
                || command == LC_LAZY_LOAD_DYLIB
                || command == LC_LOAD_UPWARD_DYLIB;
    }

    private static String dylibName(BinaryFile file, ByteBuffer command, long index) {
        if (command.limit() < 24) {
            throw file.malformed("dylib load command " + index + " is " + command.limit() + " bytes, too short");
        }
        return file.string(
                command, Integer.toUnsignedLong(command.getInt(8)), "the name of dylib load command " + index);
    }

    private static String platform(int platform) {
        switch (platform) {
            case 1:
                return "macOS";
            case 2:
                return "iOS";
            case 3:
                return "tvOS";
            case 4:
                return "watchOS";
            case 6:
                return "Mac Catalyst";
            case 7:
                return "iOS simulator";
            default:
                return "platform " + platform;
        }
    }

    /** Apple packs X.Y.Z as xxxx.yy.zz in one word; the patch is shown only when set, as Apple does. */
    private static String version(int packed) {
        String version = (packed >>> 16) + "." + ((packed >>> 8) & 0xff);
        return (packed & 0xff) == 0 ? version : version + "." + (packed & 0xff);
    }
}
