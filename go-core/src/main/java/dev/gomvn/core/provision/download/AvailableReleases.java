package dev.gomvn.core.provision.download;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.GoCoreException;
import dev.gomvn.core.Platform;
import dev.gomvn.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which Go versions a download root offers for one platform: the JSON index for http(s) roots,
 * the archive names in the directory for file: roots (mirrors often have no index).
 */
public final class AvailableReleases {
    private final HttpDownloader downloader;
    private final DownloadRoot root;

    public AvailableReleases(HttpDownloader downloader, DownloadRoot root) {
        this.downloader = downloader;
        this.root = root;
    }

    public List<GoVersion> versionsFor(Platform platform) {
        String suffix = "." + platform.goos() + "-" + platform.downloadArch() + "." + platform.archiveExtension();
        List<String> archiveNames = root.isHttp() ? indexedArchives() : listedArchives();
        List<GoVersion> versions = new ArrayList<>();
        for (String name : archiveNames) {
            if (name.startsWith("go") && name.endsWith(suffix)) {
                try {
                    versions.add(GoVersion.parse(name.substring(0, name.length() - suffix.length()), "go.version"));
                } catch (GoCoreException notAVersion) {
                    // Mirrors hold other files too (installers, source archives); they are not candidates.
                }
            }
        }
        return versions;
    }

    private List<String> indexedArchives() {
        GoReleaseIndex index = GoReleaseIndex.parse(downloader.fetchText(root.indexUri()));
        return index.releases().stream()
                .flatMap(release -> release.files().stream())
                .map(file -> file.filename())
                .toList();
    }

    private List<String> listedArchives() {
        Path directory = Path.of(root.archiveUri("x")).getParent();
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Cannot list the download root " + directory + " (" + e.getMessage()
                            + "); check <downloadRoot> (go.downloadRoot).",
                    e);
        }
    }
}
