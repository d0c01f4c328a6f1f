package dev.gomvn.core.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An ELF file's program and section header tables, in either word size and byte order. */
final class ElfFile {
    static final int PT_LOAD = 1;
    static final int PT_DYNAMIC = 2;
    static final int PT_INTERP = 3;
    static final int SHT_NOBITS = 8;
    static final int SHT_DYNAMIC = 6;
    static final int SHT_DYNSYM = 11;
    static final int SHT_GNU_VERNEED = 0x6ffffffe;
    static final int SHT_GNU_VERSYM = 0x6fffffff;
    private static final int MAX_INTERPRETER = 4096;

    record Segment(int type, long offset, long vaddr, long filesz) {}

    record Section(int index, int type, long offset, long size, int link, int info, long entsize) {}

    final BinaryFile file;
    final boolean is64;
    final ByteOrder order;
    final List<Segment> segments;
    final List<Section> sections;

    private ElfFile(BinaryFile file, boolean is64, ByteOrder order, List<Segment> segments, List<Section> sections) {
        this.file = file;
        this.is64 = is64;
        this.order = order;
        this.segments = segments;
        this.sections = sections;
    }

    static ElfFile read(BinaryFile file) {
        ByteBuffer ident = file.read(0, 16, ByteOrder.LITTLE_ENDIAN, "the ELF identification");
        int elfClass = ident.get(4);
        int data = ident.get(5);
        if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2)) {
            throw file.malformed("the ELF header gives class " + elfClass + " and byte order " + data
                    + ", neither 32/64-bit nor little/big-endian");
        }
        boolean is64 = elfClass == 2;
        ByteOrder order = data == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer header = file.read(0, is64 ? 64 : 52, order, "the ELF header");
        long phoff = is64 ? header.getLong(32) : u32(header, 28);
        long shoff = is64 ? header.getLong(40) : u32(header, 32);
        int at = is64 ? 54 : 42;
        int phentsize = u16(header, at);
        int phnum = u16(header, at + 2);
        int shentsize = u16(header, at + 4);
        int shnum = u16(header, at + 6);
        ElfFile partial = new ElfFile(file, is64, order, List.of(), List.of());
        return new ElfFile(
                file,
                is64,
                order,
                partial.readSegments(phoff, phentsize, phnum),
                partial.readSections(shoff, shentsize, shnum));
    }

    private List<Segment> readSegments(long offset, int entsize, int count) {
        List<Segment> result = new ArrayList<>();
        if (count == 0) {
            return result;
        }
        if (entsize < (is64 ? 56 : 32)) {
            throw file.malformed("program headers of " + entsize + " bytes are too small");
        }
        ByteBuffer table = file.read(offset, (long) entsize * count, order, "the program header table");
        for (int i = 0; i < count; i++) {
            int at = i * entsize;
            result.add(
                    is64
                            ? new Segment(
                                    table.getInt(at),
                                    table.getLong(at + 8),
                                    table.getLong(at + 16),
                                    table.getLong(at + 32))
                            : new Segment(
                                    table.getInt(at), u32(table, at + 4), u32(table, at + 8), u32(table, at + 16)));
        }
        return List.copyOf(result);
    }

    private List<Section> readSections(long offset, int entsize, int count) {
        List<Section> result = new ArrayList<>();
        // Stripped section headers (sstrip, some packers) leave offset or count zero: the segments still tell linkage.
        if (count == 0 || offset == 0) {
            return result;
        }
        if (entsize < (is64 ? 64 : 40)) {
            throw file.malformed("section headers of " + entsize + " bytes are too small");
        }
        ByteBuffer table = file.read(offset, (long) entsize * count, order, "the section header table");
        for (int i = 0; i < count; i++) {
            int at = i * entsize;
            result.add(
                    is64
                            ? new Section(
                                    i,
                                    table.getInt(at + 4),
                                    table.getLong(at + 24),
                                    table.getLong(at + 32),
                                    table.getInt(at + 40),
                                    table.getInt(at + 44),
                                    table.getLong(at + 56))
                            : new Section(
                                    i,
                                    table.getInt(at + 4),
                                    u32(table, at + 16),
                                    u32(table, at + 20),
                                    table.getInt(at + 24),
                                    table.getInt(at + 28),
                                    u32(table, at + 36)));
        }
        return List.copyOf(result);
    }

    Optional<Segment> segment(int type) {
        return segments.stream().filter(s -> s.type() == type).findFirst();
    }

    Optional<Section> section(int type) {
        return sections.stream().filter(s -> s.type() == type).findFirst();
    }

    /** The section a {@code sh_link} points at, e.g. the string table of the dynamic symbols. */
    Section linked(Section from, String what) {
        if (from.link() <= 0 || from.link() >= sections.size()) {
            throw file.malformed(what + " links to section " + from.link() + " of " + sections.size());
        }
        return sections.get(from.link());
    }

    ByteBuffer contents(Section section, String what) {
        if (section.type() == SHT_NOBITS) {
            throw file.malformed(what + " has no contents in the file");
        }
        return file.read(section.offset(), section.size(), order, what);
    }

    Optional<String> interpreter() {
        return segment(PT_INTERP).map(interp -> {
            ByteBuffer bytes = file.read(
                    interp.offset(), Math.min(interp.filesz(), MAX_INTERPRETER), order, "the interpreter path");
            return file.string(bytes, 0, "the interpreter path");
        });
    }

    /** The file offset of a virtual address, through the loadable segment that maps it. */
    long offsetOf(long address, String what) {
        for (Segment load : segments) {
            if (load.type() == PT_LOAD
                    && Long.compareUnsigned(address, load.vaddr()) >= 0
                    && Long.compareUnsigned(address - load.vaddr(), load.filesz()) < 0) {
                return load.offset() + (address - load.vaddr());
            }
        }
        throw file.malformed(what + " at address 0x" + Long.toHexString(address) + " is in no loadable segment");
    }

    /** A target-sized word (32 or 64 bits) at {@code at}, unsigned. */
    long word(ByteBuffer buffer, int at) {
        return is64 ? buffer.getLong(at) : u32(buffer, at);
    }

    int wordSize() {
        return is64 ? 8 : 4;
    }

    static long u32(ByteBuffer buffer, int at) {
        return Integer.toUnsignedLong(buffer.getInt(at));
    }

    static int u16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }
}
