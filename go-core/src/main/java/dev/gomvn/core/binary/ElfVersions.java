package dev.gomvn.core.binary;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ELF file's version needs ({@code .gnu.version_r}): which {@code GLIBC_x.y} and
 * {@code GLIBCXX_x.y.z} versions the loader must find, then, through {@code .gnu.version} and
 * {@code .dynsym}, which undefined symbols ask for the highest one, so a user learns what pulled it in.
 */
final class ElfVersions {
    static final String GLIBC = "GLIBC";
    static final String GLIBCXX = "GLIBCXX";
    private static final int ENTRY = 16;
    /** More version entries than any library defines; ends a loop a corrupt count or a cycle would make endless. */
    private static final int MAX_ENTRIES = 65_536;

    private final ElfFile elf;
    private final Map<Integer, String> namesByIndex = new HashMap<>();

    private ElfVersions(ElfFile elf) {
        this.elf = elf;
    }

    /**
     * @param verneed file offset of the first version need entry
     * @param count   how many entries the section or DT_VERNEEDNUM announces
     * @param strings the string table the entries' names index
     */
    static ElfVersions read(ElfFile elf, long verneed, long count, ByteBuffer strings) {
        ElfVersions versions = new ElfVersions(elf);
        versions.readNeeds(verneed, Math.min(count, MAX_ENTRIES), strings);
        return versions;
    }

    static ElfVersions none(ElfFile elf) {
        return new ElfVersions(elf);
    }

    private void readNeeds(long offset, long count, ByteBuffer strings) {
        int seen = 0;
        for (long i = 0; i < count; i++) {
            ByteBuffer need = elf.file.read(offset, ENTRY, elf.order, "a version need entry (.gnu.version_r)");
            int auxCount = ElfFile.u16(need, 2);
            long aux = offset + ElfFile.u32(need, 8);
            for (int j = 0; j < auxCount && seen++ < MAX_ENTRIES; j++) {
                ByteBuffer entry = elf.file.read(aux, ENTRY, elf.order, "a version name entry (.gnu.version_r)");
                int index = ElfFile.u16(entry, 6) & 0x7fff;
                namesByIndex.put(index, elf.file.string(strings, ElfFile.u32(entry, 8), "a needed version's name"));
                long next = ElfFile.u32(entry, 12);
                if (next == 0) {
                    break;
                }
                aux += next;
            }
            long next = ElfFile.u32(need, 12);
            if (next == 0) {
                break;
            }
            offset += next;
        }
    }

    /**
     * Every numeric version of {@code library} needed, highest first, each with the undefined dynamic symbols bound to it
     * when the symbol table can be found ({@code GLIBC_PRIVATE} and {@code GLIBC_ABI_DT_RELR} are not versions).
     */
    List<VersionNeed> needs(String library) {
        String prefix = library + "_";
        return namesByIndex.values().stream()
                .filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length()))
                .filter(version -> DottedVersion.parse(version).isPresent())
                .distinct()
                .sorted((a, b) -> DottedVersion.parse(b)
                        .orElseThrow()
                        .compareTo(DottedVersion.parse(a).orElseThrow()))
                .map(version -> new VersionNeed(library, version, symbolsAt(prefix + version)))
                .toList();
    }

    private List<String> symbolsAt(String tag) {
        Optional<ElfFile.Section> dynsym = elf.section(ElfFile.SHT_DYNSYM);
        Optional<ElfFile.Section> versym = elf.section(ElfFile.SHT_GNU_VERSYM);
        List<String> symbols = new ArrayList<>();
        if (dynsym.isEmpty() || versym.isEmpty()) {
            return symbols;
        }
        long entsize = dynsym.get().entsize() == 0
                ? (elf.is64 ? 24 : 16)
                : dynsym.get().entsize();
        if (entsize < (elf.is64 ? 24 : 16)) {
            throw elf.file.malformed("dynamic symbols of " + entsize + " bytes are too small");
        }
        ByteBuffer symbolTable = elf.contents(dynsym.get(), "the dynamic symbol table (.dynsym)");
        ByteBuffer versionTable = elf.contents(versym.get(), "the symbol versions (.gnu.version)");
        ByteBuffer strings = elf.contents(elf.linked(dynsym.get(), ".dynsym"), "the dynamic symbols' names");
        long count = Math.min(symbolTable.limit() / entsize, versionTable.limit() / 2);
        for (int i = 1; i < count; i++) {
            int at = (int) (i * entsize);
            int section = ElfFile.u16(symbolTable, at + (elf.is64 ? 6 : 14));
            String version = namesByIndex.get(ElfFile.u16(versionTable, 2 * i) & 0x7fff);
            if (section == 0 && tag.equals(version)) {
                symbols.add(elf.file.string(strings, ElfFile.u32(symbolTable, at), "a dynamic symbol's name"));
            }
        }
        return symbols;
    }
}
