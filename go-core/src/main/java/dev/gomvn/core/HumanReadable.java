package dev.gomvn.core;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations, sizes and counts the way every message prints them, so one build log never mixes
 * {@code 2008714 ms} with {@code 1543.4 s}, or calls MiB "MB", or says "1 verified binaries".
 */
public final class HumanReadable {
    private static final long KIB = 1024;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;

    private HumanReadable() {}

    /** {@code 820 ms}, {@code 12.3 s}, {@code 33 min 28 s}, {@code 2 h 5 min}. */
    public static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        // Rounded first, so 59.96 s becomes 1 min, not "60.0 s".
        long tenths = Math.round(millis / 100.0);
        if (tenths < 600) {
            return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 3600) {
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** Binary units, labelled as such: {@code 1 byte}, {@code 512 bytes}, {@code 16.0 KiB}, {@code 5.1 MiB}. */
    public static String size(long bytes) {
        if (bytes < KIB) {
            return count(bytes, "byte", "bytes");
        }
        if (bytes < MIB) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) KIB);
        }
        if (bytes < GIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
    }

    /** {@code 1 target}, {@code 2 targets}, {@code 0 targets}. */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
