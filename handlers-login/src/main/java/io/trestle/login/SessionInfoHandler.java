package io.trestle.login;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;
import java.util.Map;

/** {@code GET /api/session}: 200 {@code {"username": ...}} when signed in, else 401. */
final class SessionInfoHandler implements Handler {

    @Override
    public void handle(Request req, Response res) {
        // The session filter has looked the cookie up already (and restarted the idle clock).
        var user = req.user();
        if (user.isEmpty()) {
            JsonReplies.error(res, Status.UNAUTHORIZED, "not signed in", LoginCodes.NOT_SIGNED_IN);
            return;
        }
        JsonReplies.send(res, Status.OK, Map.of("username", user.get()));
    }
}
