package dev.gomvn.core.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryHeader.Format;
import dev.gomvn.core.binary.RuntimeNeeds.Linkage;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.testsupport.InstalledGoForTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads real binaries built here (host gcc and g++, go cross builds) and compares with what readelf
 * says about the same file, so the reader is checked against the tool users would reach for.
 */
class RuntimeNeedsTest {
    @TempDir
    static Path work;

    static Path pthreadExecutable;
    static Path getrandomLibrary;
    static Path pthreadLibrary;
    static Path staticExecutable;
    static Path cxxExecutable;
    static Path goLinuxArm64;
    static Path goLinuxMips;
    static Path goDarwinArm64;
    static Path goWindowsAmd64;
    static Path goWasm;

    @BeforeAll
    static void build() throws Exception {
        Path goSource = work.resolve("gosrc");
        Files.createDirectories(goSource);
        Files.writeString(goSource.resolve("go.mod"), "module example.com/needs\n\ngo 1.21\n");
        Files.writeString(
                goSource.resolve("main.go"), "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n");
        List<CompletableFuture<Path>> go = List.of(
                CompletableFuture.supplyAsync(() -> goBuild(goSource, "linux", "arm64", "needs")),
                CompletableFuture.supplyAsync(() -> goBuild(goSource, "darwin", "arm64", "needs")),
                CompletableFuture.supplyAsync(() -> goBuild(goSource, "windows", "amd64", "needs.exe")),
                CompletableFuture.supplyAsync(() -> goBuild(goSource, "js", "wasm", "needs.wasm")),
                CompletableFuture.supplyAsync(() -> goBuild(goSource, "linux", "mips", "needs")));
        String pthread = "#include <pthread.h>\nstatic void *run(void *a) { return a; }\n"
                + "int start(void) { pthread_t t; if (pthread_create(&t, 0, run, 0)) return 1;"
                + " return pthread_join(t, 0); }\n";
        String getrandom =
                "#include <sys/random.h>\n" + "int fill(char *b, int n) { return getrandom(b, n, 0) < 0; }\n";
        pthreadExecutable = cc("gcc", "pthread.c", pthread + "int main(void) { return start(); }\n", "pthread");
        pthreadLibrary = cc("gcc", "pthreadlib.c", pthread, "libpthreadlib.so", "-shared", "-fPIC");
        getrandomLibrary = cc("gcc", "getrandom.c", getrandom, "libgetrandom.so", "-shared", "-fPIC");
        staticExecutable = cc(
                "gcc",
                "static.c",
                getrandom + "int main(void) { char b[4]; return fill(b, 4); }\n",
                "static",
                "-static");
        cxxExecutable = cc(
                "g++",
                "hello.cpp",
                "#include <iostream>\n#include <string>\n"
                        + "int main() { std::string s = \"hi\"; std::cout << s << std::endl; }\n",
                "hello");
        goLinuxArm64 = go.get(0).join();
        goDarwinArm64 = go.get(1).join();
        goWindowsAmd64 = go.get(2).join();
        goWasm = go.get(3).join();
        goLinuxMips = go.get(4).join();
    }

    @Test
    void aGlibcExecutableNeedsTheHighestVersionReadelfListsWithTheFirstSymbolBoundToIt() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(pthreadExecutable);

        String highest = highestVersion(pthreadExecutable, "GLIBC");
        assertThat(needs.format()).isEqualTo(Format.ELF);
        assertThat(needs.linkage()).isEqualTo(Linkage.DYNAMIC);
        assertThat(needs.libc()).isEqualTo("glibc");
        assertThat(needs.interpreter()).contains(interpreter(pthreadExecutable));
        assertThat(needs.libraries())
                .isEqualTo(neededLibraries(pthreadExecutable))
                .contains("libc.so.6");
        assertThat(needs.highestGlibc()).isPresent();
        assertThat(needs.highestGlibc().get().tag()).isEqualTo("GLIBC_" + highest);
        assertThat(needs.highestGlibc().get().symbols()).isEqualTo(symbolsAt(pthreadExecutable, "GLIBC_" + highest));
        assertThat(needs.libcVersion()).contains(highest);
        assertThat(needs.summary()).isEqualTo("glibc >= " + highest);
    }

    @Test
    void aLibraryCallingGetrandomNeedsGlibc225ForIt() {
        RuntimeNeeds needs = RuntimeNeeds.read(getrandomLibrary);

        assertThat(needs.highestGlibc().map(VersionNeed::tag)).contains("GLIBC_2.25");
        assertThat(needs.highestGlibc().flatMap(VersionNeed::symbol)).contains("getrandom");
        assertThat(needs.summary()).isEqualTo("glibc >= 2.25");
        assertThatThrownBy(() -> new RuntimeFloor(Optional.of("2.17"), false).require(needs))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(getrandomLibrary + " needs GLIBC_2.25 via getrandom; floor is 2.17. ");
        new RuntimeFloor(Optional.of("2.25"), false).require(needs);
    }

    @Test
    void aFloorBelowWhatPthreadCreateNeedsFailsNamingItAndTheFix() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(pthreadLibrary);
        String highest = highestVersion(pthreadLibrary, "GLIBC");

        assertThat(needs.highestGlibc().flatMap(VersionNeed::symbol)).contains("pthread_create");
        assertThatThrownBy(() -> new RuntimeFloor(Optional.of("2.28"), false).require(needs))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(pthreadLibrary + " needs GLIBC_" + highest + " via pthread_create; floor is 2.28")
                .hasMessageContaining("pthread_join need GLIBC_" + highest + " too")
                .hasMessageContaining("<glibc>" + highest + "</glibc>")
                .hasMessageContaining("older glibc")
                .hasMessageContaining("@musl");
        assertThat(new RuntimeFloor(Optional.of("2.40"), false).violations(needs))
                .isEmpty();
    }

    @Test
    void anExecutablesFloorMessageNamesTheSymbolReadelfShowsFirst() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(pthreadExecutable);
        String tag = "GLIBC_" + highestVersion(pthreadExecutable, "GLIBC");

        assertThatThrownBy(() -> new RuntimeFloor(Optional.of("2.17"), false).require(needs))
                .hasMessageContaining(" needs " + tag + " via "
                        + symbolsAt(pthreadExecutable, tag).get(0) + "; floor is 2.17");
        new RuntimeFloor(Optional.of("2.40"), false).require(needs);
    }

    @Test
    void aStaticExecutableIsStaticAndPassesEveryFloor() {
        RuntimeNeeds needs = RuntimeNeeds.read(staticExecutable);

        assertThat(needs.linkage()).isEqualTo(Linkage.STATIC);
        assertThat(needs.libc()).isEqualTo("none");
        assertThat(needs.interpreter()).isEmpty();
        assertThat(needs.libraries()).isEmpty();
        assertThat(needs.highestGlibc()).isEmpty();
        assertThat(needs.summary()).isEqualTo("static");
        assertThat(new RuntimeFloor(Optional.of("2.17"), true).violations(needs))
                .isEmpty();
    }

    @Test
    void askingForStaticFailsADynamicExecutableNamingItsInterpreterAndLibraries() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(pthreadExecutable);

        assertThatThrownBy(() -> new RuntimeFloor(Optional.empty(), true).require(needs))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(pthreadExecutable + " is dynamically linked (interpreter "
                        + interpreter(pthreadExecutable) + ", needs libc.so.6) but a static binary was asked for.");
    }

    @Test
    void aCxxProgramNeedsTheLibstdcxxVersionReadelfLists() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(cxxExecutable);
        String glibcxx = highestVersion(cxxExecutable, "GLIBCXX");

        assertThat(needs.libraries()).contains("libstdc++.so.6");
        assertThat(needs.glibcxx().map(VersionNeed::tag)).contains("GLIBCXX_" + glibcxx);
        assertThat(needs.glibcxx().get().symbols()).isEqualTo(symbolsAt(cxxExecutable, "GLIBCXX_" + glibcxx));
        assertThat(needs.summary())
                .isEqualTo("glibc >= " + highestVersion(cxxExecutable, "GLIBC") + ", libstdc++ >= " + glibcxx);
    }

    @Test
    void aPureGoLinuxBinaryIsStaticIn64BitLittleEndianAnd32BitBigEndian() {
        for (Path binary : List.of(goLinuxArm64, goLinuxMips)) {
            RuntimeNeeds needs = RuntimeNeeds.read(binary);

            assertThat(needs.linkage()).as(binary.toString()).isEqualTo(Linkage.STATIC);
            assertThat(needs.libraries()).isEmpty();
            assertThat(needs.summary()).isEqualTo("static");
        }
    }

    @Test
    void aGoDarwinBinaryLoadsLibSystemAndNamesItsMinimumMacos() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(goDarwinArm64);

        assertThat(needs.format()).isEqualTo(Format.MACHO);
        assertThat(needs.libraries()).contains("/usr/lib/libSystem.B.dylib");
        assertThat(needs.libc()).isEqualTo("libSystem");
        assertThat(needs.minimumOs()).isPresent();
        RuntimeNeeds.MinimumOs minimum = needs.minimumOs().get();
        assertThat(minimum.os()).isEqualTo("macOS");
        assertThat(DottedVersion.parse(minimum.version()).orElseThrow())
                .isGreaterThanOrEqualTo(DottedVersion.parse("11.0").orElseThrow());
        assertThat(needs.summary()).isEqualTo("macOS >= " + minimum.version());
        assertNamesAreInTheFile(goDarwinArm64, needs.libraries());
        assertThat(new RuntimeFloor(Optional.of("2.17"), true).violations(needs))
                .isEmpty();
    }

    @Test
    void aGoWindowsBinaryImportsKernel32() throws Exception {
        RuntimeNeeds needs = RuntimeNeeds.read(goWindowsAmd64);

        assertThat(needs.format()).isEqualTo(Format.PE);
        assertThat(needs.libraries()).contains("kernel32.dll").doesNotHaveDuplicates();
        assertThat(needs.summary()).isEqualTo("imports " + String.join(", ", needs.libraries()));
        assertNamesAreInTheFile(goWindowsAmd64, needs.libraries());
    }

    @Test
    void webAssemblyHasNoNeedsRead() {
        RuntimeNeeds needs = RuntimeNeeds.read(goWasm);

        assertThat(needs.isRead()).isFalse();
        assertThat(needs.summary()).isEqualTo("no run-time needs read");
        assertThat(new RuntimeFloor(Optional.of("2.17"), true).violations(needs))
                .isEmpty();
    }

    @Test
    void aMuslBinaryPassesAGlibcFloorAndSaysMusl() {
        RuntimeNeeds musl = new RuntimeNeeds(
                work.resolve("musl"),
                Format.ELF,
                Linkage.DYNAMIC,
                "musl",
                Optional.of("/lib/ld-musl-x86_64.so.1"),
                List.of("libc.so"),
                List.of(),
                Optional.empty(),
                Optional.empty());

        assertThat(musl.summary()).isEqualTo("musl (dynamic)");
        assertThat(new RuntimeFloor(Optional.of("2.17"), false).violations(musl))
                .isEmpty();
    }

    @Test
    void aBinaryCutShortIsReportedAsTruncatedNeverAsAnotherException() throws Exception {
        for (Path binary :
                List.of(pthreadExecutable, cxxExecutable, goLinuxArm64, goLinuxMips, goDarwinArm64, goWindowsAmd64)) {
            byte[] bytes = Files.readAllBytes(binary);
            List<Integer> cuts = new ArrayList<>(List.of(0, 1, 4, 16, 20, 52, 63, 64, 100, 200, 500, 1000, 4096));
            for (int k = 1; k < 40; k++) {
                cuts.add((int) ((long) bytes.length * k / 40));
            }
            cuts.add(bytes.length - 1);
            int refused = 0;
            for (int cut : cuts) {
                Path shortened = work.resolve("cut").resolve(binary.getFileName() + "-" + cut);
                Files.createDirectories(shortened.getParent());
                Files.write(shortened, Arrays.copyOf(bytes, Math.min(cut, bytes.length)));
                Optional<VerificationException> refusal = refusal(shortened);
                refused += refusal.isPresent() ? 1 : 0;
            }
            // Only the headers and tables are read, so a cut past them (a Go binary's section headers come
            // first) still reads: finding truncated files is the digest's job, not this reader's.
            assertThat(refused).as("cuts of %s refused", binary).isPositive();
        }
    }

    @Test
    void lyingOffsetsAndSizesAreNamedInTheMessage() throws Exception {
        assertThat(corrupt(pthreadExecutable, 40, 8, 0x7fffffffffff0000L))
                .hasMessageContaining("is truncated or corrupt, so what it needs at run time cannot be read:"
                        + " the section header table")
                .hasMessageContaining("lies outside the file");
        assertThat(corrupt(pthreadExecutable, 32, 8, 0x7fffffffffff0000L)).hasMessageContaining("program header table");
        ElfFile.Section dynsym = sectionOf(pthreadExecutable, ElfFile.SHT_DYNSYM);
        assertThat(corrupt(pthreadExecutable, shoff(pthreadExecutable) + 64L * dynsym.index() + 32, 8, 1L << 40))
                .hasMessageContaining("dynamic symbol table (.dynsym)");
        ElfFile.Section verneed = sectionOf(pthreadExecutable, ElfFile.SHT_GNU_VERNEED);
        assertThat(corrupt(pthreadExecutable, verneed.offset() + 8, 4, 0x7ffffff0L))
                .hasMessageContaining("version name entry");
        assertThat(corrupt(goDarwinArm64, 20, 4, 0xffffffffL)).hasMessageContaining("load commands");
        assertThat(corrupt(goDarwinArm64, 16, 4, 0x7fffffffL)).hasMessageContaining("lies past the load commands");
        assertThat(corrupt(goWindowsAmd64, 0x3c, 4, 0x7ffffff0L)).hasMessageContaining("no PE header");
        long optional = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(Files.readAllBytes(goWindowsAmd64))
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getInt(0x3c))
                + 24;
        assertThat(corrupt(goWindowsAmd64, optional + 112 + 8, 4, 0x7eadbeefL))
                .hasMessageContaining("import directory at RVA 0x7eadbeef is in no section's file data");
    }

    @Test
    void randomlyDamagedHeadersGiveAVerificationExceptionFromAnExplicitCheck() throws Exception {
        java.util.Random random = new java.util.Random(20240611);
        for (Path binary : List.of(pthreadExecutable, cxxExecutable, goDarwinArm64, goWindowsAmd64)) {
            byte[] original = Files.readAllBytes(binary);
            int refused = 0;
            for (int i = 0; i < 150; i++) {
                byte[] bytes = original.clone();
                int region = Math.min(
                        bytes.length, binary == goDarwinArm64 || binary == goWindowsAmd64 ? 4096 : bytes.length);
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bytes[random.nextInt(region)] = (byte) random.nextInt(256);
                }
                Path damaged =
                        work.resolve("damaged").resolve(binary.getFileName().toString());
                Files.createDirectories(damaged.getParent());
                Files.write(damaged, bytes);
                Optional<VerificationException> refusal = refusal(damaged);
                refusal.ifPresent(e -> assertThat(e.getCause())
                        .as("a buffer exception the readers' own checks missed")
                        .isNull());
                refused += refusal.isPresent() ? 1 : 0;
            }
            assertThat(refused).as("damaged copies of %s refused", binary).isPositive();
        }
    }

    /** Empty if the file still reads; else the refusal, which must name the file. */
    static Optional<VerificationException> refusal(Path file) {
        try {
            RuntimeNeeds.read(file).summary();
            return Optional.empty();
        } catch (VerificationException e) {
            assertThat(e.getMessage()).startsWith(file.toString());
            return Optional.of(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " gave " + e + " instead of a VerificationException", e);
        }
    }

    /** The refusal to read a copy of {@code binary} with {@code size} little-endian bytes at {@code offset} set to {@code value}. */
    static VerificationException corrupt(Path binary, long offset, int size, long value) throws IOException {
        byte[] bytes = Files.readAllBytes(binary);
        for (int i = 0; i < size; i++) {
            bytes[(int) offset + i] = (byte) (value >>> (8 * i));
        }
        Path corrupted = work.resolve("corrupt").resolve(binary.getFileName() + "-" + offset);
        Files.createDirectories(corrupted.getParent());
        Files.write(corrupted, bytes);
        Optional<VerificationException> refusal = refusal(corrupted);
        assertThat(refusal).as("%s with offset %s corrupted", binary, offset).isPresent();
        return refusal.get();
    }

    static BinaryFile open(Path binary) {
        return BinaryFile.open(binary);
    }

    static ElfFile.Section sectionOf(Path binary, int type) {
        try (BinaryFile file = open(binary)) {
            return ElfFile.read(file).section(type).orElseThrow();
        }
    }

    static long shoff(Path binary) {
        try (BinaryFile file = open(binary)) {
            return file.read(40, 8, java.nio.ByteOrder.LITTLE_ENDIAN, "e_shoff").getLong(0);
        }
    }

    static Path goBuild(Path source, String goos, String goarch, String name) {
        Path output = work.resolve(goos + "_" + goarch).resolve(name);
        Map<String, String> environment = new TreeMap<>(InstalledGoForTests.cleanEnvironment());
        environment.put("GOOS", goos);
        environment.put("GOARCH", goarch);
        environment.put("CGO_ENABLED", "0");
        environment.put("GOTOOLCHAIN", "local");
        GoCommand.of(InstalledGoForTests.toolchain().goRoot(), "build", "-trimpath", "-o", output.toString(), ".")
                .environment(environment)
                .in(source)
                .run()
                .requireSuccess();
        return output;
    }

    static Path cc(String compiler, String name, String source, String output, String... flags) throws Exception {
        Files.writeString(work.resolve(name), source);
        List<String> command = new ArrayList<>(List.of(compiler, "-O1", "-o", output, name));
        command.addAll(Arrays.asList(flags));
        run(command.toArray(String[]::new));
        return work.resolve(output);
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as("%s says:%n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    /** The highest {@code prefix_x.y} readelf -V lists among the file's version needs. */
    static String highestVersion(Path binary, String prefix) throws Exception {
        Matcher matcher = Pattern.compile("Name: " + prefix + "_([0-9.]+)\\s")
                .matcher(run("readelf", "-V", "-W", binary.toString()));
        List<DottedVersion> versions = new ArrayList<>();
        while (matcher.find()) {
            versions.add(DottedVersion.parse(matcher.group(1)).orElseThrow());
        }
        assertThat(versions)
                .as("%s versions readelf lists for %s", prefix, binary)
                .isNotEmpty();
        return versions.stream().max(DottedVersion::compareTo).orElseThrow().toString();
    }

    /** The undefined dynamic symbols readelf shows bound to {@code tag}, in its order. */
    static List<String> symbolsAt(Path binary, String tag) throws Exception {
        List<String> symbols = new ArrayList<>();
        for (String line : run("readelf", "--dyn-syms", "-W", binary.toString()).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 8 && columns[6].equals("UND") && columns[7].endsWith("@" + tag)) {
                symbols.add(columns[7].substring(0, columns[7].length() - tag.length() - 1));
            }
        }
        return symbols;
    }

    static String interpreter(Path binary) throws Exception {
        Matcher matcher = Pattern.compile("Requesting program interpreter: ([^\\]]+)]")
                .matcher(run("readelf", "-l", "-W", binary.toString()));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static List<String> neededLibraries(Path binary) throws Exception {
        Matcher matcher =
                Pattern.compile("\\(NEEDED\\).*\\[(.+)]").matcher(run("readelf", "-d", "-W", binary.toString()));
        List<String> libraries = new ArrayList<>();
        while (matcher.find()) {
            libraries.add(matcher.group(1));
        }
        return libraries;
    }

    static void assertNamesAreInTheFile(Path binary, List<String> names) throws IOException {
        String contents = new String(Files.readAllBytes(binary), StandardCharsets.ISO_8859_1);
        assertThat(names).allSatisfy(name -> assertThat(contents).contains(name + "\0"));
    }

    @Test
    void aWindowsSummaryNamesTheUcrtOnceForItsApiSetDlls() {
        RuntimeNeeds zigBuilt = new RuntimeNeeds(
                work.resolve("app.exe"),
                Format.PE,
                Linkage.DYNAMIC,
                "ucrt",
                Optional.empty(),
                List.of("KERNEL32.dll", "api-ms-win-crt-heap-l1-1-0.dll", "api-ms-win-crt-stdio-l1-1-0.dll"),
                List.of(),
                Optional.empty(),
                Optional.empty());

        assertThat(zigBuilt.summary()).isEqualTo("imports KERNEL32.dll, the UCRT (2 api-ms-win-crt DLLs)");
    }
}
