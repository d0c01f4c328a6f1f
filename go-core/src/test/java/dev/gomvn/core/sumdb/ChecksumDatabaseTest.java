package dev.gomvn.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.testsupport.TestChecksumDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a checksum database the test builds and signs itself. */
class ChecksumDatabaseTest {
    private static final String MODULE = "golang.org/toolchain";
    private static final String VERSION = "v0.0.1-go1.22.5.linux-amd64";
    private static final String ZIP_HASH = "h1:LQChnsjY/4sr12W+7pci1Qg1+X/n7vmLOOaq2aTBG0w=";
    private static final String MOD_HASH = "h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=";

    @TempDir
    Path temp;

    private final TestChecksumDatabase database = new TestChecksumDatabase("sum.example.com");

    private ChecksumDatabase client(TestChecksumDatabase server) {
        return new ChecksumDatabase(
                NoteVerifier.parse(server.verifierKey(), "go.sumdb"),
                server,
                new TreeHeadStore(temp.resolve("sumdb")),
                GoLog.SILENT);
    }

    @ParameterizedTest(name = "record {0} of a larger tree")
    @ValueSource(ints = {0, 1, 2, 3, 7, 255, 256, 257, 511, 600, 1000})
    void provesARecordAtAnyPositionInTreesOfAnySize(int position) {
        database.addFiller(position);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        database.addFiller(position % 3 == 0 ? 0 : 300 - position % 300);

        VerifiedRecord record = client(database).lookup(MODULE, VERSION);

        assertThat(record.zipHash()).contains(ZIP_HASH);
        assertThat(record.goModHash()).contains(MOD_HASH);
        assertThat(record.treeSize()).isEqualTo(database.size());
    }

    @Test
    void provesARecordInATreeThatNeedsThirdLevelTiles() {
        database.addFiller(65_600);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        database.addFiller(1_000);
        assertThat(client(database).lookup(MODULE, VERSION).zipHash()).contains(ZIP_HASH);
    }

    @Test
    void refusesATamperedRecord() {
        database.addFiller(40);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        String path = "lookup/" + MODULE + "@" + VERSION;
        String answer = new String(database.answer(path), StandardCharsets.UTF_8);
        database.override(
                path,
                answer.replace(ZIP_HASH, "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client(database).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(
                        "The record of golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64 served by sum.example.com "
                                + "is not in the signed tree of size 41")
                .hasMessageContaining("the record or the tiles were altered");
    }

    @Test
    void refusesATamperedTile() {
        database.addFiller(300);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        database.signedTreeHead();
        // The record is number 300: its proof takes the hash of records 0-255 from the level-1 tile.
        byte[] tile = database.answer("tile/8/1/000.p/1").clone();
        tile[5] ^= 1;
        database.override("tile/8/1/000.p/1", tile);

        assertThatThrownBy(() -> client(database).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("is not in the signed tree of size 301");
    }

    @Test
    void refusesATreeHeadWhoseTextWasChanged() {
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        String path = "lookup/" + MODULE + "@" + VERSION;
        String answer = new String(database.answer(path), StandardCharsets.UTF_8);
        database.override(
                path,
                answer.replace("go.sum database tree\n1\n", "go.sum database tree\n2\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client(database).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "The signature of the answer of sum.example.com for golang.org/toolchain@v0.0.1-go1.22.5.linux-amd64 "
                                + "by sum.example.com does not verify: the signed text was altered or the signature forged. Nothing was installed.");
    }

    @Test
    void refusesATreeSignedByAnotherKeyOfTheSameName() {
        TestChecksumDatabase impostor = new TestChecksumDatabase("sum.example.com");
        impostor.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        ChecksumDatabase client = new ChecksumDatabase(
                NoteVerifier.parse(database.verifierKey(), "go.sumdb"),
                impostor,
                new TreeHeadStore(temp.resolve("sumdb")),
                GoLog.SILENT);

        assertThatThrownBy(() -> client.lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("carries no signature by the key of sum.example.com (key hash ")
                .hasMessageContaining("the configured key (go.sumdb) is wrong");
    }

    @Test
    void aMissingVersionIsAnEnvironmentProblemNamingIt() {
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        assertThatThrownBy(() -> client(database).lookup(MODULE, "v0.0.1-go9.9.9.linux-amd64"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("The checksum database sum.example.com has no record of "
                        + "golang.org/toolchain@v0.0.1-go9.9.9.linux-amd64");
    }

    @Test
    void remembersTheNewestTreeAndAcceptsTreesThatExtendIt() throws Exception {
        database.addFiller(100);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        ChecksumDatabase client = client(database);
        client.lookup(MODULE, VERSION);
        Path stored = temp.resolve("sumdb/sum.example.com/latest");
        assertThat(Files.readString(stored)).startsWith("go.sum database tree\n101\n");

        database.addFiller(500);
        assertThat(client.lookup(MODULE, VERSION).treeSize()).isEqualTo(601);
        assertThat(Files.readString(stored)).startsWith("go.sum database tree\n601\n");
    }

    @Test
    void acceptsAnOlderTreeThatIsAPrefixOfTheStoredOneAndKeepsTheNewer() throws Exception {
        database.addFiller(10);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        String path = "lookup/" + MODULE + "@" + VERSION;
        byte[] olderAnswer = database.answer(path);
        database.addFiller(400);
        ChecksumDatabase client = client(database);
        client.lookup(MODULE, VERSION);

        database.override(path, olderAnswer);
        assertThat(client.lookup(MODULE, VERSION).treeSize()).isEqualTo(11);
        assertThat(Files.readString(temp.resolve("sumdb/sum.example.com/latest")))
                .startsWith("go.sum database tree\n411\n");
    }

    @Test
    void refusesAForkedLogThatRewritesHistory() {
        TestChecksumDatabase honest = database;
        honest.addFiller(300);
        honest.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        client(honest).lookup(MODULE, VERSION);

        TestChecksumDatabase forked = forkOf(honest, 200, 150);
        assertThatThrownBy(() -> client(forked).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(
                        "SECURITY ERROR: the checksum database sum.example.com now serves a tree of size 351")
                .hasMessageContaining("inconsistent with the tree of size 301")
                .hasMessageContaining("is not a prefix of the tree of size 351");
    }

    @Test
    void refusesARollbackToAnOlderTreeThatIsNotAPrefix() {
        database.addFiller(600);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        client(database).lookup(MODULE, VERSION);

        TestChecksumDatabase rolledBack = forkOf(database, 100, 10);
        assertThatThrownBy(() -> client(rolledBack).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith(
                        "SECURITY ERROR: the checksum database sum.example.com now serves a tree of size 111")
                .hasMessageContaining("it cannot prove that its tree is a prefix of the tree of size 601");
    }

    @Test
    void refusesASameSizeTreeWithAnotherRoot() {
        database.addFiller(5);
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        client(database).lookup(MODULE, VERSION);

        TestChecksumDatabase other = forkOf(database, 3, 2);
        assertThatThrownBy(() -> client(other).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("both have size 6 but different roots");
    }

    @Test
    void refusesAStoredTreeHeadThatWasEdited() throws Exception {
        database.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        client(database).lookup(MODULE, VERSION);
        Path stored = temp.resolve("sumdb/sum.example.com/latest");
        Files.writeString(stored, Files.readString(stored).replace("tree\n1\n", "tree\n0\n"));

        assertThatThrownBy(() -> client(database).lookup(MODULE, VERSION))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("the stored tree head " + stored)
                .hasMessageContaining("was changed since");
    }

    @Test
    void escapesUpperCaseInModulePathsAsGoDoes() {
        assertThat(ChecksumDatabase.escape("github.com/BurntSushi/toml")).isEqualTo("github.com/!burnt!sushi/toml");
    }

    /**
     * A log signed with the same key that shares the first {@code keep} records of {@code original},
     * then holds different ones, with the looked-up module at its end.
     */
    private TestChecksumDatabase forkOf(TestChecksumDatabase original, int keep, int different) {
        TestChecksumDatabase fork = original.copyOf(keep);
        for (int i = 0; i < different; i++) {
            fork.add("example.com/forked" + i, "v1.0.0", "h1:fork=", "h1:fork=");
        }
        fork.add(MODULE, VERSION, ZIP_HASH, MOD_HASH);
        return fork;
    }
}
