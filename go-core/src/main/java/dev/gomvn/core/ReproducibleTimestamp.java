package dev.gomvn.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The time an SBOM states it was made, chosen so that the same binary always gives the same document:
 * {@code SOURCE_DATE_EPOCH} when set (the reproducible-builds convention distributions and CI systems
 * export), else Maven's {@code project.build.outputTimestamp} (what a reproducible Maven build already
 * sets for its jars), else none: an SBOM without {@code metadata.timestamp} is valid, and a clock reading
 * would make every build's document differ.
 */
public final class ReproducibleTimestamp {
    private ReproducibleTimestamp() {}

    /**
     * @param sourceDateEpoch  the {@code SOURCE_DATE_EPOCH} environment variable (seconds since 1970), or null
     * @param outputTimestamp  {@code project.build.outputTimestamp}: ISO-8601 or seconds since 1970; null, empty or
     *                         one character (Maven's "disabled") means not set
     */
    public static Optional<Instant> resolve(String sourceDateEpoch, String outputTimestamp) {
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())));
            } catch (NumberFormatException e) {
                throw new ConfigurationException(
                        "SOURCE_DATE_EPOCH",
                        "The environment variable SOURCE_DATE_EPOCH is '" + sourceDateEpoch
                                + "', not a number of seconds since 1970-01-01T00:00:00Z; set it to e.g. $(git log -1"
                                + " --format=%ct) or unset it.",
                        e);
            }
        }
        if (outputTimestamp == null || outputTimestamp.strip().length() < 2) {
            return Optional.empty();
        }
        String value = outputTimestamp.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException(
                    "project.build.outputTimestamp",
                    "<project.build.outputTimestamp> is '" + value + "', which is neither an ISO-8601 time such as"
                            + " 2024-01-01T00:00:00Z nor seconds since 1970; fix the property (the SBOMs of go:build"
                            + " take their timestamp from it) or remove it.",
                    e);
        }
    }
}
