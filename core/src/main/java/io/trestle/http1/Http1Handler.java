package io.trestle.http1;

/** What the connection calls for each request: routing, filters and handlers live behind it. */
public interface Http1Handler {

    /** Handles the exchange completely, exceptions included; the response may be left unfinished. */
    void handle(Http1Request req, Http1Response res);

    /** Renders an error answer (custom page, JSON or HTML) into a response not yet committed. */
    void error(Http1Request req, Http1Response res, int status, String message);
}
