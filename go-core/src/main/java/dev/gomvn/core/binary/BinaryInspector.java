package dev.gomvn.core.binary;

import dev.gomvn.core.EnvironmentException;
import dev.gomvn.core.VerificationException;
import dev.gomvn.core.binary.BinaryHeader.Format;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an executable's header (only its first kilobytes) to learn the platform it was built for:
 * ELF, Mach-O, PE, WebAssembly, AIX XCOFF and Plan 9 a.out, with architecture, word size and byte order.
 */
public final class BinaryInspector {
    private static final int HEADER_BYTES = 4096;

    private BinaryInspector() {}

    public static BinaryHeader inspect(Path file) {
        byte[] bytes = new byte[HEADER_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new EnvironmentException("Could not read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, length);
        if (length >= 20 && u8(bytes, 0) == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            return elf(header, bytes);
        }
        if (length >= 8 && (u32le(bytes, 0) == 0xfeedfacfL || u32le(bytes, 0) == 0xfeedfaceL)) {
            return macho(bytes);
        }
        if (length >= 0x40 && bytes[0] == 'M' && bytes[1] == 'Z') {
            return pe(bytes, length, file);
        }
        if (length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm') {
            return new BinaryHeader(Format.WASM, "wasm", 0, false, 0);
        }
        if (length >= 2 && u8(bytes, 0) == 0x01 && (u8(bytes, 1) == 0xf7 || u8(bytes, 1) == 0xdf)) {
            return new BinaryHeader(Format.XCOFF, "ppc64", u8(bytes, 1) == 0xf7 ? 64 : 32, true, u8(bytes, 1));
        }
        if (length >= 4) {
            long magic = (long) u8(bytes, 0) << 24 | u8(bytes, 1) << 16 | u8(bytes, 2) << 8 | u8(bytes, 3);
            String plan9 = magic == 0x01EB ? "386" : magic == 0x8A97 ? "amd64" : magic == 0x0647 ? "arm" : null;
            if (plan9 != null) {
                return new BinaryHeader(Format.PLAN9, plan9, plan9.equals("amd64") ? 64 : 32, true, magic);
            }
        }
        throw new VerificationException(
                file + " is not an executable this plugin recognises (no ELF, Mach-O, PE, "
                        + "WebAssembly, XCOFF or Plan 9 header); set <verifyBinaries>false</verifyBinaries> (go.verifyBinaries) for this target.");
    }

    private static BinaryHeader elf(ByteBuffer header, byte[] bytes) {
        int bits = u8(bytes, 4) == 2 ? 64 : 32;
        boolean bigEndian = u8(bytes, 5) == 2;
        header.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int machine = Short.toUnsignedInt(header.getShort(0x12));
        String goarch;
        switch (machine) {
            case 3:
                goarch = "386";
                break;
            case 8:
                goarch = bits == 64 ? (bigEndian ? "mips64" : "mips64le") : (bigEndian ? "mips" : "mipsle");
                break;
            case 20:
                goarch = "ppc";
                break;
            case 21:
                goarch = bigEndian ? "ppc64" : "ppc64le";
                break;
            case 22:
                goarch = "s390x";
                break;
            case 40:
                goarch = "arm";
                break;
            case 62:
                goarch = "amd64";
                break;
            case 183:
                goarch = "arm64";
                break;
            case 243:
                goarch = "riscv64";
                break;
            case 258:
                goarch = "loong64";
                break;
            default:
                goarch = "unknown";
        }
        return new BinaryHeader(Format.ELF, goarch, bits, bigEndian, machine);
    }

    private static BinaryHeader macho(byte[] bytes) {
        long cpuType = u32le(bytes, 4);
        boolean is64 = u32le(bytes, 0) == 0xfeedfacfL;
        String goarch = cpuType == 0x01000007L
                ? "amd64"
                : cpuType == 0x0100000cL ? "arm64" : cpuType == 7 ? "386" : cpuType == 12 ? "arm" : "unknown";
        return new BinaryHeader(Format.MACHO, goarch, is64 ? 64 : 32, false, cpuType);
    }

    private static BinaryHeader pe(byte[] bytes, int length, Path file) {
        int offset = (int) u32le(bytes, 0x3c);
        if (offset < 0
                || offset + 6 > length
                || bytes[offset] != 'P'
                || bytes[offset + 1] != 'E'
                || bytes[offset + 2] != 0
                || bytes[offset + 3] != 0) {
            throw new VerificationException(
                    file + " starts with MZ but has no PE header; it is not a Windows executable.");
        }
        int machine = u8(bytes, offset + 4) | u8(bytes, offset + 5) << 8;
        String goarch;
        int bits;
        switch (machine) {
            case 0x8664:
                goarch = "amd64";
                bits = 64;
                break;
            case 0xaa64:
                goarch = "arm64";
                bits = 64;
                break;
            case 0x14c:
                goarch = "386";
                bits = 32;
                break;
            case 0x1c4:
                goarch = "arm";
                bits = 32;
                break;
            default:
                goarch = "unknown";
                bits = 0;
        }
        return new BinaryHeader(Format.PE, goarch, bits, false, machine);
    }

    private static int u8(byte[] bytes, int index) {
        return bytes[index] & 0xff;
    }

    private static long u32le(byte[] bytes, int index) {
        return (long) u8(bytes, index)
                | (long) u8(bytes, index + 1) << 8
                | (long) u8(bytes, index + 2) << 16
                | (long) u8(bytes, index + 3) << 24;
    }
}
