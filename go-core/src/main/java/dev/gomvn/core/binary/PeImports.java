package dev.gomvn.core.binary;

import dev.gomvn.core.binary.BinaryHeader.Format;
import dev.gomvn.core.binary.RuntimeNeeds.Linkage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The DLLs a PE/PE32+ executable imports, from its import directory (data directory 1), in the file's order. */
final class PeImports {
    private static final int DESCRIPTOR = 20;
    private static final int SECTION = 40;
    private static final int MAX_NAME = 4096;
    /** Far more DLLs than any program imports; a directory without its terminating entry stops here. */
    private static final int MAX_IMPORTS = 16_384;

    private record Section(long address, long rawSize, long rawOffset) {}

    private PeImports() {}

    static RuntimeNeeds read(BinaryFile file) {
        ByteBuffer dos = file.read(0, 0x40, ByteOrder.LITTLE_ENDIAN, "the DOS header");
        long pe = Integer.toUnsignedLong(dos.getInt(0x3c));
        ByteBuffer coff = file.read(pe, 24, ByteOrder.LITTLE_ENDIAN, "the PE header");
        if (coff.getInt(0) != 0x00004550) {
            throw file.malformed("there is no PE signature at offset " + pe);
        }
        int sections = Short.toUnsignedInt(coff.getShort(6));
        int optionalSize = Short.toUnsignedInt(coff.getShort(20));
        ByteBuffer optional = file.read(pe + 24, optionalSize, ByteOrder.LITTLE_ENDIAN, "the optional header");
        int directories = optionalSize >= 2 && optional.getShort(0) == 0x20b ? 112 : 96;
        List<String> libraries = new ArrayList<>();
        if (optionalSize >= directories + 16 && optional.getInt(directories - 4) >= 2) {
            long importRva = Integer.toUnsignedLong(optional.getInt(directories + 8));
            List<Section> table = sections(file, pe + 24 + optionalSize, sections);
            if (importRva != 0) {
                readImports(file, table, importRva, libraries);
            }
        }
        return new RuntimeNeeds(
                file.path(),
                Format.PE,
                Linkage.DYNAMIC,
                libc(libraries),
                Optional.empty(),
                libraries,
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    private static void readImports(BinaryFile file, List<Section> table, long importRva, List<String> libraries) {
        long offset = offsetOf(file, table, importRva, "the import directory");
        for (int i = 0; ; i++) {
            if (i == MAX_IMPORTS) {
                throw file.malformed("the import directory has no end after " + MAX_IMPORTS + " entries");
            }
            ByteBuffer descriptor = file.read(
                    offset + (long) i * DESCRIPTOR, DESCRIPTOR, ByteOrder.LITTLE_ENDIAN, "an import descriptor");
            long nameRva = Integer.toUnsignedLong(descriptor.getInt(12));
            if (nameRva == 0 && descriptor.getInt(16) == 0) {
                return;
            }
            long name = offsetOf(file, table, nameRva, "the name of imported DLL " + (i + 1));
            long length = Math.min(MAX_NAME, file.size() - name);
            ByteBuffer bytes = file.read(name, length, ByteOrder.LITTLE_ENDIAN, "the name of imported DLL " + (i + 1));
            libraries.add(file.string(bytes, 0, "the name of imported DLL " + (i + 1)));
        }
    }

    private static List<Section> sections(BinaryFile file, long offset, int count) {
        ByteBuffer headers = file.read(offset, (long) count * SECTION, ByteOrder.LITTLE_ENDIAN, "the section table");
        List<Section> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = i * SECTION;
            result.add(new Section(
                    Integer.toUnsignedLong(headers.getInt(at + 12)),
                    Integer.toUnsignedLong(headers.getInt(at + 16)),
                    Integer.toUnsignedLong(headers.getInt(at + 20))));
        }
        return result;
    }

    /** The file offset of a relative virtual address, through the section whose file data holds it. */
    private static long offsetOf(BinaryFile file, List<Section> table, long rva, String what) {
        for (Section section : table) {
            if (rva >= section.address() && rva - section.address() < section.rawSize()) {
                return section.rawOffset() + (rva - section.address());
            }
        }
        throw file.malformed(what + " at RVA 0x" + Long.toHexString(rva) + " is in no section's file data");
    }

    private static String libc(List<String> libraries) {
        List<String> lower =
                libraries.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (lower.stream().anyMatch(name -> name.equals("ucrtbase.dll") || name.startsWith("api-ms-win-crt-"))) {
            return "ucrt";
        }
        if (lower.stream().anyMatch(name -> name.startsWith("msvcr"))) {
            return "msvcrt";
        }
        return "none";
    }
}
