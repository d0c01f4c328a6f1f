package dev.gomvn.core.provision;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.GoLog;
import dev.gomvn.core.Platform;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.process.GoCommand;
import dev.gomvn.core.process.GoProcessResult;
import dev.gomvn.core.provision.install.ArchiveContentException;
import dev.gomvn.core.provision.install.SdkValidator;
import dev.gomvn.core.version.GoVersion;
import dev.gomvn.core.version.GoVersionOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A freshly extracted SDK must report the version and platform we asked for, or it is not installed. */
final class ReportedVersionValidator implements SdkValidator {
    private final GoVersion version;
    private final Platform platform;
    private final Duration timeout;
    private final GoLog log;

    ReportedVersionValidator(GoVersion version, Platform platform, Duration timeout, GoLog log) {
        this.version = version;
        this.platform = platform;
        this.timeout = timeout;
        this.log = log;
    }

    @Override
    public void validate(Path home) {
        String expected = "go version " + version.withGoPrefix() + " " + platform;
        Path go = home.resolve("bin").resolve("go" + platform.executableSuffix());
        if (!Files.isRegularFile(go)) {
            throw new ArchiveContentException("The archive holds no bin/go" + platform.executableSuffix()
                    + ": it is not a Go SDK for " + platform + ", so nothing was installed.");
        }
        GoProcessResult result;
        try {
            result = GoCommand.of(home, "version")
                    .log(log)
                    .captureStdout()
                    .timeout(timeout)
                    .run();
        } catch (EnvironmentException e) {
            throw new VerificationException(
                    "The bin/go of the downloaded SDK did not run (" + e.getMessage() + "); it is not a Go SDK for "
                            + platform + ", so nothing was installed.",
                    e);
        }
        String output = result.stdout().strip();
        GoVersionOutput reported;
        try {
            reported = GoVersion.fromGoVersionOutput(output);
        } catch (GoCoreException e) {
            throw new ArchiveContentException("The bin/go of the downloaded SDK printed '" + output + "' (exit code "
                    + result.exitCode() + ") instead of '" + expected + "', so nothing was installed.");
        }
        if (reported.version().compareTo(version) != 0
                || !reported.goos().equals(platform.goos())
                || !reported.goarch().equals(platform.goarch())) {
            throw new VerificationException(
                    "The downloaded SDK reports 'go" + reported.version() + " " + reported.goos() + "/"
                            + reported.goarch() + "' but go" + version + " " + platform + " was requested; the archive "
                            + "is mislabelled, so nothing was installed.");
        }
    }
}
