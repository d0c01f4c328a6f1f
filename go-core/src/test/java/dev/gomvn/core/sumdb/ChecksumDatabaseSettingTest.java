package dev.gomvn.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gomvn.core.ConfigurationException;
import dev.gomvn.core.testsupport.TestChecksumDatabase;
import org.junit.jupiter.api.Test;

class ChecksumDatabaseSettingTest {
    @Test
    void toolchainsAreVerifiedEvenWhenGosumdbIsOff() {
        for (String value : new String[] {"off", "", null, "sum.golang.org"}) {
            ChecksumDatabaseSetting setting = ChecksumDatabaseSetting.forToolchains(value, "GOSUMDB");
            assertThat(setting.name()).isEqualTo("sum.golang.org");
            assertThat(setting.directUrl()).hasToString("https://sum.golang.org/");
        }
    }

    @Test
    void theChineseMirrorUsesTheSameKeyAndItsOwnUrl() {
        ChecksumDatabaseSetting setting = ChecksumDatabaseSetting.forToolchains("sum.golang.google.cn", "GOSUMDB");
        assertThat(setting.name()).isEqualTo("sum.golang.org");
        assertThat(setting.directUrl()).hasToString("https://sum.golang.google.cn/");
    }

    @Test
    void acceptsAnExplicitKeyAndUrl() {
        String key = new TestChecksumDatabase("sum.corp.example").verifierKey();
        ChecksumDatabaseSetting setting =
                ChecksumDatabaseSetting.forToolchains(key + " https://sumdb.corp.example/db", "GOSUMDB");
        assertThat(setting.name()).isEqualTo("sum.corp.example");
        assertThat(setting.directUrl()).hasToString("https://sumdb.corp.example/db/");
    }

    @Test
    void anUnknownDatabaseNeedsItsKey() {
        assertThatThrownBy(() -> ChecksumDatabaseSetting.forToolchains("sum.corp.example", "<sumdb> (go.sumdb)"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "<sumdb> (go.sumdb) names the checksum database 'sum.corp.example' without its public key; give it "
                                + "as <name>+<hash>+<key>, as its operator publishes it.");
    }
}
