package io.trestle;

/**
 * Ends the handling of a request with an error status and a short message, sent as an HTML page
 * or as JSON {@code {"message": ..., "code": ...}} depending on what the client accepts.
 *
 * <pre>{@code
 * if (item == null) throw new HttpException(404, "No such item");
 * }</pre>
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;

    public HttpException(int status, String message) {
        this(status, message, status);
    }

    /** With an application-specific {@code code} for the JSON body (the status by default). */
    public HttpException(int status, String message, int code) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HttpException status must be 4xx or 5xx: " + status);
        }
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
