package dev.gomvn.core.cgo;

import dev.gomvn.core.binary.RuntimeFloor;
import dev.gomvn.core.binary.RuntimeNeeds;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Holds a freshly built cgo binary to what its target asked for at run time: no newer glibc than the floor, and no
 * shared library at all for a static ({@code @musl}) target. "It built" is not "it runs on the nodes it ships to".
 */
public final class CgoBinaries {
    private CgoBinaries() {}

    /**
     * @return what the binary needs at run time, for its summary line and SBOM; empty without cgo
     * @throws dev.gomvn.core.VerificationException naming the symbol, the version it needs and the floor
     */
    public static Optional<RuntimeNeeds> check(Path binary, Optional<CgoTarget> cgo) {
        if (cgo.isEmpty()) {
            return Optional.empty();
        }
        RuntimeNeeds needs = RuntimeNeeds.read(binary);
        new RuntimeFloor(cgo.get().glibcFloor(), cgo.get().staticRequired()).require(needs);
        return Optional.of(needs);
    }
}
