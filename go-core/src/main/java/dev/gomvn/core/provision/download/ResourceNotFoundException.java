package dev.gomvn.core.provision.download;

import dev.gomvn.core.EnvironmentException;

/** The server answered 404 or 410 (or a file: path does not exist): asking again will not help, another source might. */
public final class ResourceNotFoundException extends EnvironmentException {
    public ResourceNotFoundException(String message) {
        super(message);
    }
}
