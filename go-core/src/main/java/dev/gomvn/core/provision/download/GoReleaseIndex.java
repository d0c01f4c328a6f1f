package dev.gomvn.core.provision.download;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gomvn.core.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** go.dev's release index ({@code ?mode=json&include=all}): every release, every file, with SHA-256. */
public final class GoReleaseIndex {
    private final List<GoRelease> releases;

    private GoReleaseIndex(List<GoRelease> releases) {
        this.releases = List.copyOf(releases);
    }

    public static GoReleaseIndex parse(String json) {
        try {
            JsonArray array = JsonParser.parseString(json).getAsJsonArray();
            List<GoRelease> releases = new ArrayList<>();
            for (JsonElement element : array) {
                JsonObject release = element.getAsJsonObject();
                List<GoFile> files = new ArrayList<>();
                if (release.has("files")) {
                    for (JsonElement f : release.getAsJsonArray("files")) {
                        JsonObject file = f.getAsJsonObject();
                        files.add(new GoFile(
                                text(file, "filename"),
                                text(file, "os"),
                                text(file, "arch"),
                                text(file, "version"),
                                text(file, "sha256"),
                                file.has("size") ? file.get("size").getAsLong() : -1,
                                text(file, "kind")));
                    }
                }
                releases.add(new GoRelease(
                        text(release, "version"),
                        release.has("stable") && release.get("stable").getAsBoolean(),
                        List.copyOf(files)));
            }
            return new GoReleaseIndex(releases);
        } catch (RuntimeException e) {
            throw new EnvironmentException(
                    "The Go release index is not the JSON list go.dev serves (" + e.getMessage()
                            + "); check <downloadRoot> (go.downloadRoot).",
                    e);
        }
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    public List<GoRelease> releases() {
        return releases;
    }

    public Optional<GoFile> file(String filename) {
        return releases.stream()
                .flatMap(r -> r.files().stream())
                .filter(f -> f.filename().equals(filename))
                .findFirst();
    }

    /** One release, e.g. {@code go1.22.5}. */
    public record GoRelease(String version, boolean stable, List<GoFile> files) {}

    /** One downloadable file; {@code kind} is archive, installer or source. */
    public record GoFile(
            String filename, String os, String arch, String version, String sha256, long size, String kind) {}
}
