package dev.gomvn.core;

import java.util.Locale;

/**
 * A Go platform as GOOS/GOARCH, spelled the way go.dev names its downloads (32-bit ARM is
 * {@code armv6l} in file names but {@code arm} to the go command).
 */
public record Platform(String goos, String goarch) {

    /** The platform of the JVM running the build, mapped from Java's os.name/os.arch to Go's names. */
    public static Platform host() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static Platform of(String javaOsName, String javaOsArch) {
        return new Platform(goosOf(javaOsName), goarchOf(javaOsArch));
    }

    static String goosOf(String javaOsName) {
        String os = javaOsName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("freebsd")) {
            return "freebsd";
        }
        throw new ConfigurationException(
                "go.root",
                "This build runs on '" + javaOsName
                        + "', for which go.dev publishes no Go SDK; install Go yourself and set <goRoot> (go.root) to it.");
    }

    static String goarchOf(String javaOsArch) {
        String arch = javaOsArch.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x64":
                return "amd64";
            case "aarch64":
            case "arm64":
                return "arm64";
            case "x86":
            case "i386":
            case "i486":
            case "i586":
            case "i686":
                return "386";
            case "arm":
            case "armv6l":
            case "armv7l":
            case "aarch32":
                return "arm";
            case "ppc64le":
            case "s390x":
            case "riscv64":
            case "loong64":
                return arch;
            case "loongarch64":
                return "loong64";
            default:
                throw new ConfigurationException(
                        "go.root",
                        "This build runs on CPU architecture '" + javaOsArch
                                + "', for which go.dev publishes no Go SDK; install Go yourself and set <goRoot> (go.root) to it.");
        }
    }

    /**
     * {@code linux-amd64}: the one name of a platform in {@code <sha256s>} keys, SDK cache folders, SDK
     * artifact classifiers and toolchain module versions.
     */
    public String key() {
        return goos + "-" + goarch;
    }

    /**
     * Whether a user's key names this platform: {@link #key()}, with {@code _} or {@code /} for the
     * dash, or go.dev's archive spelling ({@code linux-armv6l}).
     */
    public boolean isNamedBy(String userKey) {
        String normalized = userKey.strip().replace('/', '-').replace('_', '-');
        return normalized.equals(key()) || normalized.equals(goos + "-" + downloadArch());
    }

    /** The architecture as go.dev spells it in archive names. */
    public String downloadArch() {
        return goarch.equals("arm") ? "armv6l" : goarch;
    }

    /** {@code zip} on Windows, {@code tar.gz} everywhere else, as go.dev publishes them. */
    public String archiveExtension() {
        return goos.equals("windows") ? "zip" : "tar.gz";
    }

    /** The go.dev archive name for this platform, e.g. {@code go1.22.5.linux-amd64.tar.gz}. */
    public String archiveName(String goVersionWithPrefix) {
        return goVersionWithPrefix + "." + goos + "-" + downloadArch() + "." + archiveExtension();
    }

    public String executableSuffix() {
        return goos.equals("windows") ? ".exe" : "";
    }

    @Override
    public String toString() {
        return goos + "/" + goarch;
    }
}
