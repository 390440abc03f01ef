package io.trestle.hardening;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File contents where every byte depends on its offset, so a client can tell a correct prefix
 * from bytes sent out of place (or zeros from a hole).
 */
final class FilePattern {
    private FilePattern() {
    }

    static byte at(long offset) {
        return (byte) (offset * 31 + (offset >>> 13) + 7);
    }

    static void write(Path file, long size) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; ) {
                int n = (int) Math.min(chunk.length, size - written);
                for (int i = 0; i < n; i++) {
                    chunk[i] = at(written + i);
                }
                out.write(chunk, 0, n);
                written += n;
            }
        }
    }

    /** The offset of the first of {@code n} bytes that differs from the pattern at {@code offset}, or -1. */
    static long firstMismatch(byte[] bytes, int n, long offset) {
        for (int i = 0; i < n; i++) {
            if (bytes[i] != at(offset + i)) {
                return offset + i;
            }
        }
        return -1;
    }
}
