package dev.gomvn.core.provision.install;

import java.nio.file.Path;

/**
 * Checks an extracted SDK before it is published to the cache, typically by running
 * {@code bin/go version} with {@code GOTOOLCHAIN=local}; throws a {@code GoCoreException} if it is wrong.
 */
@FunctionalInterface
public interface SdkValidator {
    void validate(Path sdkHome);
}
