package io.trestle.staticfiles;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Copies exact byte counts out of a file, failing loudly when the file became shorter. */
final class FileCopy {
    private static final int BUFFER = 16 * 1024;

    private FileCopy() {
    }

    /**
     * Writes {@code length} bytes of {@code channel} from {@code offset} to {@code out}.
     *
     * @throws EOFException when the file ends first (truncated while sent): the caller must not
     *                      let the response look complete, so it is thrown, never padded
     */
    static void copy(FileChannel channel, long offset, long length, OutputStream out) throws IOException {
        byte[] array = new byte[(int) Math.min(BUFFER, Math.max(length, 1))];
        ByteBuffer buffer = ByteBuffer.wrap(array);
        long position = offset;
        long remaining = length;
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(array.length, remaining));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file truncated while being sent: " + remaining + " bytes missing");
            }
            out.write(array, 0, n);
            position += n;
            remaining -= n;
        }
    }
}
