package io.trestle.http1;

import java.io.IOException;

/**
 * A request the server refuses because of what the client sent: the status to answer with
 * (400, 408, 413, 414, 431, 501, 505) and a short message for the error page and the log.
 * An {@link IOException} so that body streams can throw it from {@code read}.
 */
public final class HttpParseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ParseRule rule;

    public HttpParseException(int status, String message) {
        super(message, null);
        this.status = status;
        this.rule = null;
    }

    /** For a request that breaks {@code rule}: its status and message. */
    public HttpParseException(ParseRule rule) {
        super(rule.message(), null);
        this.status = rule.status();
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    /** The rule the request broke, or {@code null} when the exception was built from a bare status. */
    public ParseRule rule() {
        return rule;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // Thrown for every bad request a client sends; a stack trace would only cost time.
        return this;
    }
}
