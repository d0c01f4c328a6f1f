package dev.gomvn.core.binary;

import dev.gomvn.core.binary.BinaryHeader.Format;
import dev.gomvn.core.binary.RuntimeNeeds.Linkage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ELF executable needs from the system that runs it: its interpreter, its DT_NEEDED
 * libraries and the glibc and libstdc++ versions its symbols are bound to. Section headers are used when
 * present (they name the symbols); without them (sstrip) the dynamic segment still gives libraries and
 * versions, since that is what the loader itself reads.
 */
final class ElfNeeds {
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private ElfNeeds() {}

    static RuntimeNeeds read(BinaryFile file) {
        ElfFile elf = ElfFile.read(file);
        Optional<String> interpreter = elf.interpreter();
        List<String> libraries = new ArrayList<>();
        ElfVersions versions = ElfVersions.none(elf);
        Optional<Dynamic> dynamic = dynamic(elf);
        if (dynamic.isPresent()) {
            Dynamic table = dynamic.get();
            for (long offset : table.needed) {
                libraries.add(file.string(table.strings, offset, "a DT_NEEDED library name"));
            }
            versions = table.versions(elf);
        }
        // A static-pie binary has a dynamic segment for relocating itself but no interpreter and nothing
        // to load: it runs on a system without any libraries, so it counts as static.
        boolean dynamicallyLinked = interpreter.isPresent() || !libraries.isEmpty();
        List<VersionNeed> glibc = versions.needs(ElfVersions.GLIBC);
        return new RuntimeNeeds(
                file.path(),
                Format.ELF,
                dynamicallyLinked ? Linkage.DYNAMIC : Linkage.STATIC,
                dynamicallyLinked ? libc(interpreter, libraries, !glibc.isEmpty()) : "none",
                interpreter,
                libraries,
                glibc,
                versions.needs(ElfVersions.GLIBCXX).stream().findFirst(),
                Optional.empty());
    }

    private static String libc(Optional<String> interpreter, List<String> libraries, boolean glibcVersions) {
        String loader = interpreter.orElse("");
        if (loader.contains("ld-musl")) {
            return "musl";
        }
        if (glibcVersions
                || libraries.contains("libc.so.6")
                || loader.matches(".*/ld-linux[^/]*\\.so\\.\\d+|.*/ld64\\.so\\.\\d+|.*/ld\\.so\\.1")) {
            return "glibc";
        }
        if (loader.startsWith("/system/bin/linker")) {
            return "bionic";
        }
        return "unknown";
    }

    /** The dynamic table's entries and the string table they index; empty for a binary without one. */
    private static Optional<Dynamic> dynamic(ElfFile elf) {
        Optional<ElfFile.Section> section = elf.section(ElfFile.SHT_DYNAMIC);
        if (section.isPresent()) {
            ByteBuffer entries = elf.contents(section.get(), "the dynamic section (.dynamic)");
            ByteBuffer strings = elf.contents(elf.linked(section.get(), ".dynamic"), "the dynamic string table");
            return Optional.of(new Dynamic(elf, entries, strings, true));
        }
        Optional<ElfFile.Segment> segment = elf.segment(ElfFile.PT_DYNAMIC);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer entries =
                elf.file.read(segment.get().offset(), segment.get().filesz(), elf.order, "the dynamic segment");
        Map<Long, Long> tags = new Dynamic(elf, entries, ByteBuffer.allocate(0), false).tags;
        if (!tags.containsKey(DT_STRTAB)) {
            throw elf.file.malformed("the dynamic segment has no string table (DT_STRTAB)");
        }
        long strings = elf.offsetOf(tags.get(DT_STRTAB), "the dynamic string table");
        long size = Math.min(tags.getOrDefault(DT_STRSZ, 0L), elf.file.size() - Math.min(strings, elf.file.size()));
        return Optional.of(
                new Dynamic(elf, entries, elf.file.read(strings, size, elf.order, "the dynamic string table"), false));
    }

    private static final class Dynamic {
        final List<Long> needed = new ArrayList<>();
        final Map<Long, Long> tags = new LinkedHashMap<>();
        final ByteBuffer strings;
        final boolean fromSections;

        Dynamic(ElfFile elf, ByteBuffer entries, ByteBuffer strings, boolean fromSections) {
            this.strings = strings;
            this.fromSections = fromSections;
            int size = 2 * elf.wordSize();
            for (int at = 0; at + size <= entries.limit(); at += size) {
                long tag = elf.is64 ? entries.getLong(at) : entries.getInt(at);
                long value = elf.word(entries, at + elf.wordSize());
                if (tag == DT_NULL) {
                    break;
                }
                if (tag == DT_NEEDED) {
                    needed.add(value);
                }
                tags.putIfAbsent(tag, value);
            }
        }

        ElfVersions versions(ElfFile elf) {
            Optional<ElfFile.Section> verneed = fromSections ? elf.section(ElfFile.SHT_GNU_VERNEED) : Optional.empty();
            if (verneed.isPresent()) {
                ByteBuffer names = elf.contents(elf.linked(verneed.get(), ".gnu.version_r"), "the version names");
                return ElfVersions.read(
                        elf,
                        verneed.get().offset(),
                        Integer.toUnsignedLong(verneed.get().info()),
                        names);
            }
            if (!tags.containsKey(DT_VERNEED)) {
                return ElfVersions.none(elf);
            }
            long offset = elf.offsetOf(tags.get(DT_VERNEED), "the version needs (DT_VERNEED)");
            return ElfVersions.read(elf, offset, tags.getOrDefault(DT_VERNEEDNUM, 0L), strings);
        }
    }
}
