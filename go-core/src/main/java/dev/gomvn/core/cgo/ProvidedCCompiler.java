package dev.gomvn.core.cgo;

import dev.gomvn.core.gobuild.BuildTarget;
import java.util.Map;
import java.util.Optional;

/**
 * The C compiler gomvn provides for a cgo target whose environment names none: Zig's {@code zig cc}, provisioned by
 * the go-cgo module. An interface, so that go-core carries no archive format or download of it.
 */
public interface ProvidedCCompiler {

    /**
     * CC and CXX (and what else the compiler needs) for one target.
     *
     * @param glibcVersion the glibc a Linux glibc target is built against: its floor
     * @throws dev.gomvn.core.ConfigurationException when the compiler cannot build for the target
     */
    Map<String, String> environment(BuildTarget target, String glibcVersion);

    /**
     * Readies the compiler for the target before go runs it, e.g. builds the C library it links in, so that nothing of
     * the checkout's directory ends up in it; called once per target and build.
     *
     * @param linkerFlags the flags go will link with (CGO_LDFLAGS), which choose how that library is built
     */
    default void prepare(BuildTarget target, String glibcVersion, String linkerFlags) {}

    /** Name, version and archive digest: a build input, so a changed compiler is a changed build. */
    String identity();

    /**
     * The oldest glibc that has {@code function} for a Linux glibc target, if the compiler knows: what a build against
     * an older floor lacks.
     */
    default Optional<String> firstGlibcWith(String function, BuildTarget target) {
        return Optional.empty();
    }
}
