package dev.gomvn.image;

import com.google.gson.JsonObject;
import dev.gomvn.core.gobuild.BuildTarget;

/**
 * An image's platform as OCI writes it: {@code os}, {@code architecture} and, where it matters, {@code variant}
 * ({@code linux/arm/v7}, {@code linux/amd64/v3}).
 */
public record ImagePlatform(String os, String architecture, String variant) {

    public ImagePlatform {
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    /**
     * The platform a Go target runs on: GOARM=7 is {@code arm/v7} (and Go's default GOARM, 7, too, as Docker
     * assumes for {@code arm}), GOAMD64=v3 is {@code amd64/v3} (v1, the default, is plain {@code amd64}). Other
     * level variables (GOARM64, GOPPC64 ...) have no OCI variant and give the bare architecture.
     */
    public static ImagePlatform of(BuildTarget target) {
        String level = target.variantValue().orElse("");
        String variant = switch (target.goarch()) {
            case "arm" -> "v" + (level.isEmpty() ? "7" : level.substring(0, 1));
            case "amd64" -> level.isEmpty() || level.equals("v1") ? null : level;
            default -> null;
        };
        return new ImagePlatform(target.goos(), target.goarch(), variant);
    }

    static ImagePlatform fromJson(JsonObject platform) {
        return new ImagePlatform(
                OciJson.string(platform, "os"),
                OciJson.string(platform, "architecture"),
                OciJson.string(platform, "variant"));
    }

    JsonObject toJson() {
        JsonObject platform = new JsonObject();
        platform.addProperty("architecture", architecture);
        platform.addProperty("os", os);
        if (variant != null) {
            platform.addProperty("variant", variant);
        }
        return platform;
    }

    /**
     * Whether an image published for {@code other} is the one to use for this platform. A missing variant
     * stands for the architecture's default ({@code arm64} is {@code arm64/v8}, {@code arm} is {@code arm/v7}),
     * as container runtimes read it.
     */
    boolean accepts(ImagePlatform other) {
        return os.equals(other.os)
                && architecture.equals(other.architecture)
                && normalizedVariant().equals(other.normalizedVariant());
    }

    private String normalizedVariant() {
        if (variant != null) {
            return variant;
        }
        return switch (architecture) {
            case "arm64" -> "v8";
            case "arm" -> "v7";
            case "amd64" -> "v1";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
