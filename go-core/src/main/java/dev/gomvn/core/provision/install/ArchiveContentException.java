package dev.gomvn.core.provision.install;

import dev.gomvn.core.VerificationException;

/**
 * An archive whose content is not what a Go SDK must be: an entry that could escape the installation,
 * a decompression bomb, no runnable {@code bin/go}. The provisioner adds where the archive came from.
 */
public final class ArchiveContentException extends VerificationException {
    public ArchiveContentException(String message) {
        super(message);
    }

    public ArchiveContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
