package dev.gomvn.core.provision.install;

import dev.gomvn.core.Platform;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code .gomvn-verified} file inside an SDK home. It is written last, before the atomic rename,
 * so its presence proves the tree was verified and completely extracted; reading it is all a cache
 * hit costs.
 */
record InstallMarker(
        String goVersion,
        Platform platform,
        String archiveName,
        String sha256,
        String digestSource,
        Instant installedAt) {

    static final String FILE_NAME = ".gomvn-verified";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    void writeInto(Path home) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("version", goVersion);
        properties.setProperty("platform", platform.goos() + "/" + platform.goarch());
        properties.setProperty("archive", archiveName);
        properties.setProperty("sha256", sha256);
        properties.setProperty("digestSource", digestSource);
        properties.setProperty("installedAt", installedAt.toString());
        try (Writer writer = Files.newBufferedWriter(home.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by gomvn after verifying the archive digest; do not edit.");
        }
    }

    /** The marker of {@code home} if it exists and describes exactly this version and platform. */
    static Optional<InstallMarker> readFrom(Path home, String expectedVersion, Platform expectedPlatform) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String sha256 = properties.getProperty("sha256", "");
        String installedAt = properties.getProperty("installedAt", "");
        boolean matches = expectedVersion.equals(properties.getProperty("version"))
                && (expectedPlatform.goos() + "/" + expectedPlatform.goarch())
                        .equals(properties.getProperty("platform"))
                && SHA256_HEX.matcher(sha256).matches()
                && properties.getProperty("archive") != null
                && properties.getProperty("digestSource") != null;
        if (!matches) {
            return Optional.empty();
        }
        Instant installed;
        try {
            installed = Instant.parse(installedAt);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new InstallMarker(
                expectedVersion,
                expectedPlatform,
                properties.getProperty("archive"),
                sha256,
                properties.getProperty("digestSource"),
                installed));
    }
}
