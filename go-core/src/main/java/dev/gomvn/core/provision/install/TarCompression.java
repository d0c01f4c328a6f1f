package dev.gomvn.core.provision.install;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * How the tar stream inside a compressed tarball is read. Go and envtest publish gzip, which the JDK reads; a tool
 * published in another format (Zig's {@code .tar.xz}) brings its decompressor from the module that provisions it, so
 * go-core, which the enforcer rules load, carries no decompressor it does not use.
 *
 * @param suffixes the archive names this compression reads, e.g. {@code .tar.gz}; other names are refused
 * @param decompressor opens the tar stream of such an archive
 */
public record TarCompression(List<String> suffixes, Decompressor decompressor) {
    private static final int BUFFER_SIZE = 1 << 17;

    public static final TarCompression GZIP =
            new TarCompression(List.of(".tar.gz", ".tgz"), compressed -> new GZIPInputStream(compressed, BUFFER_SIZE));

    public TarCompression {
        suffixes = List.copyOf(suffixes);
    }

    /** Whether an archive of this name is a tarball this compression reads. */
    public boolean reads(String archiveName) {
        return suffixes.stream().anyMatch(archiveName::endsWith);
    }

    /** Wraps the archive's bytes into the uncompressed tar stream. */
    @FunctionalInterface
    public interface Decompressor {
        InputStream open(InputStream compressed) throws IOException;
    }
}
