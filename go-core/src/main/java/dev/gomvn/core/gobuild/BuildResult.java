package dev.gomvn.core.gobuild;

import java.nio.file.Path;
import java.util.List;

/** Every binary of a {@code go:build}, and the SHA256SUMS file that lists them. */
public record BuildResult(List<BuiltBinary> binaries, Path sha256Sums) {}
