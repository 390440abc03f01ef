package io.trestle.http1;

import java.io.IOException;

/**
 * A file got shorter while it was being sent, after its length was promised in Content-Length.
 * The server's doing, not the client's: logged as a warning, and the connection is closed so the
 * client sees a short body rather than a complete-looking wrong one.
 */
public final class FileShrankException extends IOException {
    private static final long serialVersionUID = 1L;

    public FileShrankException(String message) {
        super(message);
    }
}
