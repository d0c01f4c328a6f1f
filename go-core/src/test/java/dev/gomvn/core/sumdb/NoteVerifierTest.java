package dev.gomvn.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.testsupport.TestChecksumDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoteVerifierTest {
    private static final byte[] TEXT =
            "go.sum database tree\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".getBytes(StandardCharsets.UTF_8);

    private final TestChecksumDatabase signer = new TestChecksumDatabase("sum.example.com");

    @Test
    void parsesTheKeyOfSumGolangOrg() {
        NoteVerifier verifier = NoteVerifier.parse(ChecksumDatabaseSetting.SUM_GOLANG_ORG_KEY, "GOSUMDB");
        assertThat(verifier.name()).isEqualTo("sum.golang.org");
        assertThat(verifier.keyHash()).isEqualTo(0x033de0ae);
    }

    @Test
    void refusesAKeyWhoseHashDoesNotMatchItsNameAndKey() {
        String wrongHash = ChecksumDatabaseSetting.SUM_GOLANG_ORG_KEY.replace("033de0ae", "033de0af");
        assertThatThrownBy(() -> NoteVerifier.parse(wrongHash, "<sumdb> (go.sumdb)"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "The checksum database key '" + wrongHash + "' in <sumdb> (go.sumdb) is not usable: "
                                + "its hash 033de0af does not match its name and key (expected 033de0ae)");
    }

    @Test
    void refusesKeysThatAreNotEd25519OrNotBase64() {
        assertThatThrownBy(() -> NoteVerifier.parse("sum.golang.org+033de0ae+AgAB", "GOSUMDB"))
                .hasMessageContaining("its key is not an Ed25519 key");
        assertThatThrownBy(() -> NoteVerifier.parse("sum.golang.org+033de0ae+***", "GOSUMDB"))
                .hasMessageContaining("its key is not base64");
        assertThatThrownBy(() -> NoteVerifier.parse("sum.golang.org", "GOSUMDB"))
                .hasMessageContaining("it is not <name>+<hash>+<key>");
    }

    @Test
    void acceptsANoteSignedByTheKeyAndIgnoresOtherSigners() {
        byte[] note = signer.sign(TEXT);
        byte[] withOtherSigner = append(note, "\u2014 other.example.com AAAAAAAAAAAAAAAAAAAA\n");
        SignedNote verified =
                SignedNote.verify(withOtherSigner, NoteVerifier.parse(signer.verifierKey(), "go.sumdb"), "a note");
        assertThat(verified.text()).isEqualTo(new String(TEXT, StandardCharsets.UTF_8));
    }

    @Test
    void refusesANoteWhoseTextWasTamperedWith() {
        byte[] note = signer.sign(TEXT);
        note[22] = '6';
        assertThatThrownBy(
                        () -> SignedNote.verify(note, NoteVerifier.parse(signer.verifierKey(), "go.sumdb"), "a note"))
                .isInstanceOf(VerificationException.class)
                .hasMessage(
                        "The signature of a note by sum.example.com does not verify: the signed text was altered or the "
                                + "signature forged. Nothing was installed.");
    }

    @Test
    void refusesANoteSignedByAnotherKey() {
        TestChecksumDatabase other = new TestChecksumDatabase("sum.example.com");
        assertThatThrownBy(() -> SignedNote.verify(
                        other.sign(TEXT), NoteVerifier.parse(signer.verifierKey(), "go.sumdb"), "a note"))
                .isInstanceOf(VerificationException.class)
                .hasMessageStartingWith("a note carries no signature by the key of sum.example.com");
    }

    @Test
    void refusesMalformedNotes() {
        NoteVerifier verifier = NoteVerifier.parse(signer.verifierKey(), "go.sumdb");
        assertThatThrownBy(() -> SignedNote.verify(TEXT, verifier, "a note"))
                .hasMessage("a note is not a valid signed note: it has no signature block. Nothing was installed.");
        assertThatThrownBy(() -> SignedNote.verify(append(TEXT, "\nnot a signature\n"), verifier, "a note"))
                .hasMessageContaining("is not '— <name> <signature>'");
    }

    private static byte[] append(byte[] note, String text) {
        byte[] extra = text.getBytes(StandardCharsets.UTF_8);
        byte[] result = new byte[note.length + extra.length];
        System.arraycopy(note, 0, result, 0, note.length);
        System.arraycopy(extra, 0, result, note.length, extra.length);
        return result;
    }
}
