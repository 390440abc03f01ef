package io.trestle.http1;

import io.trestle.Status;
import java.nio.charset.StandardCharsets;

/** Pre-encoded {@code HTTP/1.1 NNN Reason\r\n} lines, so writing a status line copies bytes only. */
final class StatusLines {
    private static final byte[][] LINES = new byte[600][];

    static {
        for (int status = 100; status < 600; status++) {
            LINES[status] = encode(status);
        }
    }

    private StatusLines() {
    }

    static byte[] of(int status) {
        return status >= 100 && status < 600 ? LINES[status] : encode(status);
    }

    private static byte[] encode(int status) {
        return ("HTTP/1.1 " + status + " " + Status.reason(status) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
