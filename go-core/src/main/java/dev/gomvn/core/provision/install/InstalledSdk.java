package dev.gomvn.core.provision.install;

import dev.gomvn.core.Platform;
import dev.gomvn.core.process.GoCommand;
import java.nio.file.Path;

/**
 * A verified SDK in the cache.
 *
 * @param sha256       the digest its archive was verified against when it was installed
 * @param digestSource where that digest came from (pinned go.sha256, the JSON index, a .sha256 file)
 */
public record InstalledSdk(Path home, String version, Platform platform, String sha256, String digestSource,
        boolean freshlyInstalled) {

    public Path goExecutable() {
        return GoCommand.executable(home);
    }
}
