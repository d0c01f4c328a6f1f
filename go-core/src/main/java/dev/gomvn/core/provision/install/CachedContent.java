package dev.gomvn.core.provision.install;

import dev.gomvn.core.Platform;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What an {@link SdkCache} holds, so the one verified, locked, atomic install serves Go SDKs and other
 * tools the build downloads (the envtest binaries of Kubernetes operators).
 *
 * @param noun what one entry is called in messages, e.g. {@code Go SDK}
 * @param versionLabel what its version is called, e.g. {@code Go version}
 * @param versionPattern the versions accepted: they become directory names, so nothing that could
 *     climb out of the cache matches
 * @param versionExample a valid version, for the message about an invalid one
 * @param versionParameter the parameter that sets the version, named in that message
 * @param essentialFile the file inside an entry's home that, with the install marker, proves the
 *     entry whole
 */
public record CachedContent(
        String noun,
        String versionLabel,
        Pattern versionPattern,
        String versionExample,
        String versionParameter,
        BiFunction<Path, Platform, Path> essentialFile) {

    public static final CachedContent GO_SDK = new CachedContent(
            "Go SDK",
            "Go version",
            Pattern.compile("go[0-9][A-Za-z0-9.+_-]*"),
            "go1.22.5",
            "go.version",
            (home, platform) -> home.resolve("bin").resolve("go" + platform.executableSuffix()));
}
