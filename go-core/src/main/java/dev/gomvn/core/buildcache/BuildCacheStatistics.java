package dev.gomvn.core.buildcache;

import dev.gomvn.core.HumanReadable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the cache programs of one goal did, summed over every go process they served. go list and go build ask
 * for the same action, so an action counts once: as a store hit if any process had it from the store, else as
 * a local hit if any had it locally, else as a miss.
 *
 * @param droppedUploads outputs not uploaded: the store was too slow for them, or was given up
 */
public record BuildCacheStatistics(
        int storeHits,
        int localHits,
        int misses,
        long bytesDown,
        long bytesUp,
        List<String> corrupt,
        List<Long> refusedSizes,
        long droppedUploads) {

    /** Written by each cache program at its end. */
    static final String FILE_GLOB = "stats-*.txt";

    private static final Map<String, Integer> RANK = Map.of("miss", 0, "local", 1, "store", 2);

    /** Nothing when no go process used the cache (every target was up to date). */
    public static Optional<BuildCacheStatistics> read(Path runDirectory) {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(runDirectory, FILE_GLOB)) {
            stream.forEach(files::add);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        files.sort(null); // the same report, and the same example of a corrupt entry, whatever the directory order
        Map<String, String> outcomes = new HashMap<>();
        long down = 0;
        long up = 0;
        long dropped = 0;
        List<String> corrupt = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    String[] fields = line.split(" ");
                    switch (fields[0]) {
                        case "get" -> outcomes.merge(fields[1], fields[2], BuildCacheStatistics::better);
                        case "down" -> down += Long.parseLong(fields[1]);
                        case "up" -> up += Long.parseLong(fields[1]);
                        case "dropped" -> dropped += Long.parseLong(fields[1]);
                        case "corrupt" -> corrupt.add(line.substring("corrupt ".length()));
                        case "toolarge" -> refused.add(Long.parseLong(fields[2]));
                        default -> {
                            // A line of a newer program: what this version cannot sum is left out.
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int store = (int) outcomes.values().stream().filter("store"::equals).count();
        int local = (int) outcomes.values().stream().filter("local"::equals).count();
        return Optional.of(new BuildCacheStatistics(
                store,
                local,
                outcomes.size() - store - local,
                down,
                up,
                List.copyOf(corrupt),
                List.copyOf(refused),
                dropped));
    }

    private static String better(String a, String b) {
        return RANK.getOrDefault(a, 0) >= RANK.getOrDefault(b, 0) ? a : b;
    }

    public int hits() {
        return storeHits + localHits;
    }

    /**
     * {@code 118 hits (110 from the store, 8 local), 3 misses, 4.2 MiB down, 1.0 MiB up}, and {@code , 12 uploads
     * dropped} when some were.
     */
    public String describe() {
        return HumanReadable.count(hits(), "hit", "hits") + " (" + storeHits + " from the store, " + localHits
                + " local), " + HumanReadable.count(misses, "miss", "misses") + ", " + HumanReadable.size(bytesDown)
                + " down, " + HumanReadable.size(bytesUp) + " up"
                + (droppedUploads == 0
                        ? ""
                        : ", " + HumanReadable.count(droppedUploads, "upload", "uploads") + " dropped");
    }
}
