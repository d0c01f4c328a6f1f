package dev.gomvn.sbom.provenance;

import dev.gomvn.core.process.ToolProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git commit a directory is checked out at, as the provenance's source dependency, if git tracks files in it.
 * Asked of the git on PATH;
 * no git, no work tree or no commit yet means no source dependency, never a failed build: provenance describes what
 * is known.
 */
public final class GitSource {
    /** {@code git@github.com:org/repo.git}: scp-like syntax, which is no URI. */
    private static final Pattern SCP_LIKE = Pattern.compile("([^@/:]+@)?([^/:]+):(?!//)(.*)");

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final long TIMEOUT_SECONDS = 30;

    private GitSource() {}

    public static Optional<ProvenanceInput.SourceCommit> of(Path directory) {
        Optional<String> commit = git(directory, "rev-parse", "--verify", "HEAD^{commit}")
                .filter(head -> COMMIT.matcher(head).matches());
        // A directory git ignores or was never told of (a build's copy under target/) is not what HEAD holds.
        if (commit.isEmpty() || git(directory, "ls-files", "--", ".").isEmpty()) {
            return Optional.empty();
        }
        Optional<String> remote = git(directory, "config", "--get", "remote.origin.url");
        Optional<String> location = remote.isPresent()
                ? remote.map(GitSource::remoteUri)
                : git(directory, "rev-parse", "--show-toplevel")
                        .map(top -> Path.of(top).toUri().toString());
        return location.map(uri -> new ProvenanceInput.SourceCommit("git+" + uri, commit.get()));
    }

    /**
     * The remote as a URI without the user information of an http(s) URL, which can hold a token that must not be
     * published; scp-like {@code git@host:path} becomes {@code ssh://git@host/path}.
     */
    static String remoteUri(String remote) {
        Matcher scp = SCP_LIKE.matcher(remote);
        if (!remote.contains("://") && scp.matches()) {
            return "ssh://" + (scp.group(1) == null ? "" : scp.group(1)) + scp.group(2) + "/" + scp.group(3);
        }
        return remote.replaceFirst("^(https?://)[^/@]*@", "$1");
    }

    /** The command's first line of output if it ran and succeeded. */
    private static Optional<String> git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            // Not ToolProcess.run: git's warnings on stderr must not become the answer.
            Process process = ToolProcess.builder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !output.isEmpty()
                    ? Optional.of(output.lines().findFirst().orElse(""))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
