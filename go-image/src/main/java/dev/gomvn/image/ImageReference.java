package dev.gomvn.image;

import dev.gomvn.core.ConfigurationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference {@code [registry/]repository[:tag][@sha256:<hex>]}, as Docker reads one: without a registry
 * (no {@code .} or {@code :} in the first part, and not {@code localhost}) it is Docker Hub's, and a one-part
 * Docker Hub name is under {@code library/}.
 */
public record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** @param parameter the parameter the text came from, e.g. {@code <image> (go.image)}, for the message */
    public static ImageReference parse(String text, String parameter, String property) {
        String rest = text == null ? "" : text.strip();
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest.get()).matches()) {
                throw invalid(text, parameter, property, "the digest after @ must be sha256:<64 lowercase hex digits>");
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag.get()).matches()) {
                throw invalid(text, parameter, property, "tag '" + tag.get() + "' is not a valid tag");
            }
        }
        int slash = rest.indexOf('/');
        String first = slash < 0 ? "" : rest.substring(0, slash);
        String registry;
        String repository;
        if (slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            registry = first;
            repository = rest.substring(slash + 1);
        } else {
            registry = "docker.io";
            repository = slash < 0 ? "library/" + rest : rest;
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw invalid(
                    text,
                    parameter,
                    property,
                    "repository '" + repository + "' must be lowercase letters, digits and separators (. _ - /)");
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    private static ConfigurationException invalid(String text, String parameter, String property, String why) {
        return new ConfigurationException(
                property,
                parameter + " is '" + text + "', which is not an image reference: " + why
                        + "; write registry/repository[:tag][@sha256:<hex>], e.g. ghcr.io/acme/operator.");
    }

    public ImageReference withTag(String value) {
        return new ImageReference(registry, repository, Optional.of(value), Optional.empty());
    }

    /** {@code registry/repository} without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The digest if there is one, else the tag, else {@code latest}: what a registry is asked for. */
    String manifestReference() {
        return digest.orElse(tag.orElse("latest"));
    }

    @Override
    public String toString() {
        return name()
                + tag.map(value -> ":" + value).orElse("")
                + digest.map(value -> "@" + value).orElse("");
    }
}
