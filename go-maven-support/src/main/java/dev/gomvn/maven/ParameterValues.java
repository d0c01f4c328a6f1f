package dev.gomvn.maven;

import dev.gomvn.core.ConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the {@link GoParameter}s for one goal or rule, keyed by their definition so that no
 * two of them can be swapped. A goal fills it from the fields Maven injected; a rule from the POM
 * with Maven's precedence ({@link PluginConfigurationReader}). Values not given are read as the
 * parameter's documented default.
 */
public final class ParameterValues {
    private final Map<GoParameter, String> values;
    private final Map<GoParameter, Map<String, String>> maps;

    private ParameterValues(Map<GoParameter, String> values, Map<GoParameter, Map<String, String>> maps) {
        this.values = values;
        this.maps = maps;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value, trimmed; empty when it is not set or blank. */
    public Optional<String> string(GoParameter parameter) {
        String value = values.get(parameter);
        if (value == null) {
            value = parameter.defaultValue().filter(d -> !d.contains("${")).orElse(null);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public Optional<Path> path(GoParameter parameter) {
        return string(parameter).map(Path::of);
    }

    /** A whole number of seconds, minutes or attempts, at least {@code minimum}; anything else names the parameter. */
    public int number(GoParameter parameter, int minimum) {
        String text = string(parameter)
                .orElseThrow(() -> new ConfigurationException(
                        parameter.property().orElse(parameter.element()),
                        parameter.displayName() + " is not set; give it a whole number."));
        try {
            int number = Integer.parseInt(text);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, like a number out of range.
        }
        throw new ConfigurationException(
                parameter.property().orElse(parameter.element()),
                parameter.displayName() + " is '"
                        + text + "'; give it a whole number of at least " + minimum + ", e.g. "
                        + parameter.defaultValue().orElse("1")
                        + ".");
    }

    /** A map-valued parameter ({@code <sha256s>}, {@code <environment>}); empty when not set. */
    public Map<String, String> map(GoParameter parameter) {
        return maps.getOrDefault(parameter, Map.of());
    }

    @Override
    public String toString() {
        // Values may hold credentials (a proxy URL with user:password@): only the names are shown.
        return "ParameterValues" + values.keySet() + maps.keySet();
    }

    public static final class Builder {
        private final Map<GoParameter, String> values = new EnumMap<>(GoParameter.class);
        private final Map<GoParameter, Map<String, String>> maps = new EnumMap<>(GoParameter.class);

        private Builder() {}

        /** Sets a scalar parameter from what Maven injected (String, File, number, boolean); null leaves it unset. */
        public Builder put(GoParameter parameter, Object value) {
            if (value instanceof Map<?, ?>) {
                throw new IllegalArgumentException(parameter + " takes a map: use putMap");
            }
            if (value instanceof UrlParameter url) {
                value = url.value();
            }
            if (value != null) {
                values.put(parameter, value instanceof File file ? file.getPath() : value.toString());
            }
            return this;
        }

        public Builder putMap(GoParameter parameter, Map<String, String> value) {
            if (value != null) {
                Map<String, String> copy = new LinkedHashMap<>();
                value.forEach((key, entry) -> copy.put(key, entry == null ? "" : entry.strip()));
                maps.put(parameter, Collections.unmodifiableMap(copy));
            }
            return this;
        }

        public ParameterValues build() {
            return new ParameterValues(new EnumMap<>(values), new EnumMap<>(maps));
        }
    }
}
