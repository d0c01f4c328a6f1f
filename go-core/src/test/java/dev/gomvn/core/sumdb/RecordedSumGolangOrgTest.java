package dev.gomvn.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers of sum.golang.org (through proxy.golang.org) for golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64,
 * recorded in src/test/resources/sumdb/real, verified offline with the database's published key.
 */
class RecordedSumGolangOrgTest {
    private static final String VERSION = "v0.0.1-go1.22.5.linux-amd64";

    @TempDir
    Path temp;

    private final Map<String, byte[]> overrides = new HashMap<>();

    private final SumDbServer recorded = path -> {
        if (overrides.containsKey(path)) {
            return Optional.of(overrides.get(path));
        }
        try (InputStream in = RecordedSumGolangOrgTest.class.getResourceAsStream("/sumdb/real/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private VerifiedRecord lookup() {
        NoteVerifier key = ChecksumDatabaseSetting.forToolchains("", "GOSUMDB").verifier();
        return new ChecksumDatabase(key, recorded, new TreeHeadStore(temp), GoLog.SILENT)
                .lookup("golang.org/toolchain", VERSION);
    }

    @Test
    void provesTheRealRecordOfAToolchainInTheRealTree() {
        VerifiedRecord record = lookup();
        assertThat(record.zipHash()).contains("h1:LQChnsjY/4sr12W+7pci1Qg1+X/n7vmLOOaq2aTBG0w=");
        assertThat(record.goModHash()).contains("h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=");
        assertThat(record.treeSize()).isEqualTo(66_398_721L);
    }

    @Test
    void refusesTheRealAnswerWithOneHashChanged() throws IOException {
        String answer = new String(
                recorded.read("lookup/golang.org/toolchain@" + VERSION).orElseThrow(), StandardCharsets.UTF_8);
        overrides.put(
                "lookup/golang.org/toolchain@" + VERSION,
                answer.replace("h1:LQChnsjY", "h1:LQChnsjZ").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(this::lookup)
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is not in the signed tree of size 66398721");
    }

    @Test
    void refusesTheRealTreeHeadUnderAnotherKey() {
        NoteVerifier otherKey = NoteVerifier.parse(
                new dev.gomvn.core.testsupport.TestChecksumDatabase("sum.golang.org").verifierKey(), "go.sumdb");
        assertThatThrownBy(() -> new ChecksumDatabase(otherKey, recorded, new TreeHeadStore(temp), GoLog.SILENT)
                        .lookup("golang.org/toolchain", VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("carries no signature by the key of sum.golang.org");
    }

    @Test
    void refusesARealTileWithOneBitFlipped() {
        byte[] tile = recorded.read("tile/8/1/425").orElseThrow().clone();
        tile[100] ^= 0x10;
        overrides.put("tile/8/1/425", tile);
        assertThatThrownBy(this::lookup)
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("the record or the tiles were altered");
    }

    @Test
    void namesTilesAsTheDatabaseDoes() {
        assertThat(Tiles.path(0, 108_866, 256)).isEqualTo("tile/8/0/x108/866");
        assertThat(Tiles.path(1, 1_013, 42)).isEqualTo("tile/8/1/x001/013.p/42");
        assertThat(Tiles.path(3, 0, 3)).isEqualTo("tile/8/3/000.p/3");
        assertThat(Tiles.path(0, 1_234_067, 256)).isEqualTo("tile/8/0/x001/x234/067");
    }
}
