package io.trestle.http1;

import java.net.SocketTimeoutException;

/**
 * A peer moved data more slowly than the server's minimum data rate. A timeout like any other
 * to the code above (a request body that ends this way gets 408), with the measured rate in
 * its message.
 */
public final class SlowDataException extends SocketTimeoutException {
    public SlowDataException(String message) {
        super(message);
    }
}
