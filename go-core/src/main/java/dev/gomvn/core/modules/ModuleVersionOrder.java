package dev.gomvn.core.modules;

import java.util.Comparator;

/**
 * Semantic-version precedence of module versions as Go orders them ({@code golang.org/x/mod/semver}):
 * {@code v0.35.10 > v0.35.2 > v0.35.0-rc.1}, pseudo-versions being pre-releases, {@code +incompatible}
 * and other build metadata ignored. Text that is no version sorts below every version.
 */
public final class ModuleVersionOrder implements Comparator<String> {
    public static final ModuleVersionOrder INSTANCE = new ModuleVersionOrder();

    private ModuleVersionOrder() {}

    @Override
    public int compare(String left, String right) {
        Parsed a = Parsed.of(left);
        Parsed b = Parsed.of(right);
        if (a == null || b == null) {
            return a == null ? (b == null ? left.compareTo(right) : -1) : 1;
        }
        for (int i = 0; i < 3; i++) {
            int byNumber = compareNumbers(a.numbers()[i], b.numbers()[i]);
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return comparePrerelease(a.prerelease(), b.prerelease());
    }

    private static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** No pre-release ranks above any; otherwise dot-separated identifiers, numeric ones below alphanumeric. */
    private static int comparePrerelease(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNumeric = x[i].chars().allMatch(Character::isDigit);
            boolean yNumeric = y[i].chars().allMatch(Character::isDigit);
            int result = xNumeric && yNumeric
                    ? compareNumbers(x[i], y[i])
                    : xNumeric != yNumeric ? (xNumeric ? -1 : 1) : x[i].compareTo(y[i]);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private record Parsed(String[] numbers, String prerelease) {
        static Parsed of(String version) {
            if (!version.startsWith("v")) {
                return null;
            }
            String rest = version.substring(1);
            int build = rest.indexOf('+');
            if (build >= 0) {
                rest = rest.substring(0, build);
            }
            int dash = rest.indexOf('-');
            String prerelease = dash >= 0 ? rest.substring(dash + 1) : "";
            String[] numbers = (dash >= 0 ? rest.substring(0, dash) : rest).split("\\.", -1);
            if (numbers.length != 3) {
                return null;
            }
            for (String number : numbers) {
                if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
                    return null;
                }
            }
            return new Parsed(numbers, prerelease);
        }
    }
}
