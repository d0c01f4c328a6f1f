package dev.gomvn.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Module hashes against the go.sum lines the checksum database holds for real modules (zips from proxy.golang.org). */
class ModuleHashTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsc.io-quote-v1.5.2, h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=, h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=",
        "github.com-google-uuid-v1.6.0, h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=, h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo="
    })
    void hashesRealModulesAsGoSumRecordsThem(String module, String zipHash, String goModHash) throws IOException {
        assertThat(ModuleHash.ofZip(resource(module + ".zip"))).isEqualTo(zipHash);
        assertThat(ModuleHash.ofGoMod(Files.readAllBytes(resource(module + ".mod"))))
                .isEqualTo(goModHash);
    }

    @Test
    void oneChangedByteChangesTheHash() throws IOException {
        byte[] goMod = Files.readAllBytes(resource("rsc.io-quote-v1.5.2.mod"));
        goMod[goMod.length - 2] ^= 1;
        assertThat(ModuleHash.ofGoMod(goMod)).isNotEqualTo("h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=");
    }

    @Test
    void ordersNamesAsBytesNotAsJavaStrings() throws IOException {
        // U+FB01 sorts after U+1F600 as UTF-16 but before it as UTF-8; Go compares bytes.
        Path zip = zip("m@v1/\uFB01.txt", "m@v1/\uD83D\uDE00.txt");
        Path reversed = zip("m@v1/\uD83D\uDE00.txt", "m@v1/\uFB01.txt");
        assertThat(ModuleHash.ofZip(zip))
                .isEqualTo(ModuleHash.ofZip(reversed))
                .isEqualTo("h1:"
                        + java.util.Base64.getEncoder()
                                .encodeToString(sha256(line("m@v1/\uFB01.txt") + line("m@v1/\uD83D\uDE00.txt"))));
    }

    @Test
    void refusesAZipThatHoldsANameTwice() throws IOException {
        Path duplicate = duplicateEntryZip();
        assertThatThrownBy(() -> ModuleHash.ofZip(duplicate))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("holds 'm@v1/a.txt' twice");
    }

    private Path duplicateEntryZip() throws IOException {
        // java.util.zip refuses duplicate names, so the second entry is renamed in the bytes afterwards.
        Path zip = zip("m@v1/a.txt", "m@v1/b.txt");
        byte[] bytes = Files.readAllBytes(zip);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("m@v1/b.txt", "m@v1/a.txt");
        Path duplicate = temp.resolve("duplicate.zip");
        Files.write(duplicate, text.getBytes(StandardCharsets.ISO_8859_1));
        return duplicate;
    }

    private Path zip(String... names) throws IOException {
        Path zip = Files.createTempFile(temp, "module", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static String line(String name) {
        return java.util.HexFormat.of().formatHex(sha256("content of " + name)) + "  " + name + "\n";
    }

    private static byte[] sha256(String text) {
        return dev.gomvn.core.Sha256.newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws IOException {
        try (InputStream in = ModuleHashTest.class.getResourceAsStream("/modules/" + name)) {
            Path file = Files.createTempFile("module", name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
