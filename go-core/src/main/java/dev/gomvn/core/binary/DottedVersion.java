package dev.gomvn.core.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A version such as glibc's {@code 2.28} or {@code 2.2.5}, compared number by number, so that
 * 2.9 &lt; 2.17 &lt; 2.28 and 2.2.5 &lt; 2.3 (string order gets both wrong). A missing part counts as 0.
 */
public record DottedVersion(List<Integer> parts) implements Comparable<DottedVersion> {
    private static final Pattern DOTTED = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");

    public DottedVersion {
        parts = List.copyOf(parts);
    }

    /** Empty unless {@code text} is numbers joined by dots, e.g. not {@code PRIVATE} from {@code GLIBC_PRIVATE}. */
    public static Optional<DottedVersion> parse(String text) {
        if (text == null || !DOTTED.matcher(text).matches()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(Integer.parseInt(part));
        }
        return Optional.of(new DottedVersion(parts));
    }

    @Override
    public int compareTo(DottedVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int difference = Integer.compare(part(i), other.part(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private int part(int index) {
        return index < parts.size() ? parts.get(index) : 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(String::valueOf).toList());
    }
}
