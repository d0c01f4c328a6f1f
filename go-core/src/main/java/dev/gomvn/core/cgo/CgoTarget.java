package dev.gomvn.core.cgo;

import java.util.Map;
import java.util.Optional;

/**
 * How one target's cgo is set up, and what its binaries are then held to.
 *
 * @param environment CC, CXX and the pkg-config directories for the target, over the build's environment
 * @param glibcFloor the highest glibc version its binaries may need at run time, when one applies
 * @param staticRequired its binaries must link no shared library ({@code @musl})
 * @param compilerIdentity the C compiler, for the build's fingerprint
 */
public record CgoTarget(
        Map<String, String> environment, Optional<String> glibcFloor, boolean staticRequired, String compilerIdentity) {

    public CgoTarget {
        environment = Map.copyOf(environment);
    }
}
