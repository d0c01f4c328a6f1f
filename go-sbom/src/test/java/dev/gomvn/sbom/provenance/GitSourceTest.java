package dev.gomvn.sbom.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {

    @Test
    void aDirectoryInAWorkTreeIsItsHeadCommitAtTheOriginWithoutTheTokenOfItsUrl(@TempDir Path repository)
            throws Exception {
        Path module = committedRepository(repository).resolve("module");
        git(repository, "remote", "add", "origin", "https://ci:s3cr3t@example.com/team/app.git");
        String head = git(repository, "rev-parse", "HEAD");

        Optional<ProvenanceInput.SourceCommit> source = GitSource.of(module);

        assertThat(source).contains(new ProvenanceInput.SourceCommit("git+https://example.com/team/app.git", head));
    }

    @Test
    void withoutAnOriginTheWorkTreeIsNamedByItsTopDirectory(@TempDir Path repository) throws Exception {
        committedRepository(repository);

        ProvenanceInput.SourceCommit source =
                GitSource.of(repository.resolve("module")).orElseThrow();

        assertThat(source.uri())
                .startsWith("git+file:/")
                .endsWith(repository.toRealPath().getFileName() + "/");
        assertThat(source.commit()).isEqualTo(git(repository, "rev-parse", "HEAD"));
    }

    @Test
    void outsideAWorkTreeOrBeforeTheFirstCommitThereIsNoSource(@TempDir Path directory) throws Exception {
        assumeGit();
        // The temporary directory is in no work tree; git init then makes one without a commit.
        assertThat(GitSource.of(directory)).isEmpty();
        git(directory, "init", "-q");
        assertThat(GitSource.of(directory)).isEmpty();
    }

    @Test
    void aDirectoryOfTheWorkTreeThatGitTracksNothingInHasNoSource(@TempDir Path repository) throws Exception {
        committedRepository(repository);
        Path copy = Files.createDirectories(repository.resolve("target/it/module"));
        Files.writeString(copy.resolve("go.mod"), "module example.com/app\n");

        assertThat(GitSource.of(copy)).isEmpty();
    }

    @Test
    void scpLikeRemotesBecomeSshUris() {
        assertThat(GitSource.remoteUri("git@github.com:team/app.git")).isEqualTo("ssh://git@github.com/team/app.git");
        assertThat(GitSource.remoteUri("ssh://git@github.com/team/app.git"))
                .isEqualTo("ssh://git@github.com/team/app.git");
        assertThat(GitSource.remoteUri("http://token@example.com/app")).isEqualTo("http://example.com/app");
    }

    private static Path committedRepository(Path repository) throws Exception {
        assumeGit();
        git(repository, "init", "-q");
        Path module = Files.createDirectories(repository.resolve("module"));
        Files.writeString(module.resolve("go.mod"), "module example.com/app\n");
        git(repository, "add", ".");
        git(
                repository,
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "first");
        return repository;
    }

    private static void assumeGit() {
        try {
            assumeTrue(new ProcessBuilder("git", "--version").start().waitFor() == 0, "git on PATH");
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, "git on PATH");
        }
    }

    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
        return output;
    }
}
