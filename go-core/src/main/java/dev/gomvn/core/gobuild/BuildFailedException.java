package dev.gomvn.core.gobuild;

import dev.gomvn.core.GoCoreException;
import java.util.List;

/** One or more targets did not build; the message names each target and shows its compiler errors. */
public class BuildFailedException extends GoCoreException {
    public BuildFailedException(String message) {
        super(message, null);
    }

    BuildFailedException(List<String> failedTargets) {
        super(failedTargets.size() + " of the targets failed to build:\n" + String.join("\n", failedTargets), null);
    }
}
