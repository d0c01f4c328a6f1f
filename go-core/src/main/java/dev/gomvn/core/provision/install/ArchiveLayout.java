package dev.gomvn.core.provision.install;

/**
 * How a Go distribution sits in its archive. go.dev archives hold it under {@code go/} with Unix
 * modes and links. The toolchain module zips of a Go module proxy hold it under
 * {@code golang.org/toolchain@<version>/}, with every {@code go.mod} renamed {@code _go.mod} (a
 * module zip cannot nest modules), no modes and no links; the go command renames the files back and
 * makes the tools executable, and so do we.
 *
 * @param topDirectory the directory every entry is under, stripped on extraction
 * @param moduleZip whether the archive is a toolchain module zip
 */
public record ArchiveLayout(String topDirectory, boolean moduleZip) {
    public static final ArchiveLayout GO_DISTRIBUTION = new ArchiveLayout("go", false);

    public static ArchiveLayout toolchainModule(String modulePath, String version) {
        return new ArchiveLayout(modulePath + "@" + version, true);
    }
}
