package dev.gomvn.core.binary;

/**
 * What an executable's header says about the platform it runs on.
 *
 * @param format     ELF, MACHO, PE, WASM, XCOFF or PLAN9
 * @param goarch     the architecture in Go's spelling, e.g. amd64, arm64, mipsle
 * @param bits       32 or 64 (0 for wasm)
 * @param machine    the raw machine/cputype field, for messages
 */
public record BinaryHeader(Format format, String goarch, int bits, boolean bigEndian, long machine) {

    public enum Format {
        ELF,
        MACHO,
        PE,
        WASM,
        XCOFF,
        PLAN9;

        /** The GOOS values whose binaries use this format. */
        boolean servesGoos(String goos) {
            switch (this) {
                case MACHO:
                    return goos.equals("darwin") || goos.equals("ios");
                case PE:
                    return goos.equals("windows");
                case WASM:
                    return goos.equals("js") || goos.equals("wasip1");
                case XCOFF:
                    return goos.equals("aix");
                case PLAN9:
                    return goos.equals("plan9");
                default:
                    return !goos.equals("darwin")
                            && !goos.equals("ios")
                            && !goos.equals("windows")
                            && !goos.equals("js")
                            && !goos.equals("wasip1")
                            && !goos.equals("aix")
                            && !goos.equals("plan9");
            }
        }
    }

    public String describe() {
        return format + (bits > 0 ? " " + bits + "-bit" : "")
                + (format == Format.WASM ? "" : bigEndian ? " big-endian" : " little-endian") + " " + goarch
                + " (machine " + machine + ")";
    }
}
