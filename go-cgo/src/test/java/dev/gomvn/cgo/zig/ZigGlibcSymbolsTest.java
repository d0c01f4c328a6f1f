package dev.gomvn.cgo.zig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZigGlibcSymbolsTest {
    @TempDir
    Path zigHome;

    /**
     * An abilists file in the format of ziglang/libc-abi-tools' README: libraries, versions 2.2.5/2.17/2.25, targets
     * x86_64-linux-gnu and aarch64-linux-gnu; getrandom since 2.25 on both; pthread_create in libpthread since 2.2.5 on
     * x86_64 and 2.17 on aarch64 (two inclusions), and again in libc since 2.34 (not in this file's versions: 2.25).
     */
    private void writeAbilists() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2);
        text(out, "c");
        text(out, "pthread");
        out.write(3);
        out.writeBytes(new byte[] {2, 2, 5, 2, 17, 0, 2, 25, 0});
        out.write(2);
        text(out, "x86_64-linux-gnu");
        text(out, "aarch64-linux-gnu");
        out.write(4);
        out.write(0);
        text(out, "getrandom");
        out.write(0b11);
        out.write(0x80);
        out.write(0x80 | 2);
        text(out, "pthread_create");
        out.write(0b01);
        out.write(1);
        out.write(0x80);
        out.write(0b10);
        out.write(1);
        out.write(0x80 | 1);
        out.write(0b11);
        out.write(0x80);
        out.write(0x80 | 2);
        out.write(0);
        out.write(0);
        Path file = Files.createDirectories(zigHome.resolve("lib/libc/glibc")).resolve("abilists");
        Files.write(file, out.toByteArray());
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Test
    void saysWhichGlibcFirstHasAFunctionOnEachTarget() throws IOException {
        writeAbilists();
        ZigGlibcSymbols symbols = new ZigGlibcSymbols(zigHome);

        assertThat(symbols.firstGlibcWith("getrandom", "x86_64-linux-gnu")).contains("2.25");
        assertThat(symbols.firstGlibcWith("getrandom", "aarch64-linux-gnu")).contains("2.25");
        assertThat(symbols.firstGlibcWith("pthread_create", "x86_64-linux-gnu")).contains("2.2.5");
        assertThat(symbols.firstGlibcWith("pthread_create", "aarch64-linux-gnu"))
                .contains("2.17");
        assertThat(symbols.firstGlibcWith("no_such_function", "x86_64-linux-gnu"))
                .isEmpty();
        assertThat(symbols.firstGlibcWith("getrandom", "riscv64-linux-gnu")).isEmpty();
    }

    @Test
    void aMissingOrForeignFileAnswersNothing() throws IOException {
        assertThat(new ZigGlibcSymbols(zigHome).firstGlibcWith("getrandom", "x86_64-linux-gnu"))
                .isEmpty();
        Path file = Files.createDirectories(zigHome.resolve("lib/libc/glibc")).resolve("abilists");
        Files.write(file, new byte[] {9, 'x'});
        assertThat(new ZigGlibcSymbols(zigHome).firstGlibcWith("getrandom", "x86_64-linux-gnu"))
                .isEmpty();
    }
}
