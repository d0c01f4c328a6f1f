package dev.gomvn.core.sumdb;

import java.util.Optional;

/** Reads paths below a checksum database's base URL ({@code lookup/...}, {@code tile/...}); nothing it returns is trusted. */
@FunctionalInterface
public interface SumDbServer {
    /** The body of {@code path}, or empty when the server answers 404 or 410. */
    Optional<byte[]> read(String path);
}
