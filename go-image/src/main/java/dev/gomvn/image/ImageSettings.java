package dev.gomvn.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the image says besides its binaries.
 *
 * @param image            the reference it will be pushed to, if known: names it in the layout and the summary
 * @param tags             the tags it will be pushed with
 * @param entrypoint       the binary that is the entrypoint; empty when the target has exactly one
 * @param binaryDirectory  where the binaries go in the image, e.g. {@code /usr/local/bin}
 * @param workingDirectory the working directory, empty for the base's
 * @param user             the user, empty for the base's (for scratch: 65532:65532, non-root)
 * @param environment      variables added to (or replacing those of) the base's
 * @param ports            exposed ports, {@code 8080} or {@code 8080/tcp} or {@code 53/udp}
 * @param labels           config labels
 * @param annotations      manifest and index annotations ({@code org.opencontainers.image.*} from the POM and the user's)
 * @param created          the image's time: config {@code created}, file times in the layer and the tar
 */
public record ImageSettings(
        Optional<ImageReference> image,
        List<String> tags,
        Optional<String> entrypoint,
        String binaryDirectory,
        Optional<String> workingDirectory,
        Optional<String> user,
        Map<String, String> environment,
        List<String> ports,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant created) {

    /** Non-root, as distroless' {@code nonroot} user: what a scratch image runs as unless told otherwise. */
    static final String NON_ROOT = "65532:65532";

    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
