package io.trestle.entry;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;

/** An app's own route for {@code TrestleTest}, found by the class-path scan of this package. */
@Route(path = "/ping")
public final class Ping implements Handler {
    @Override
    public void handle(Request req, Response res) {
        res.text("pong");
    }
}
