package io.trestle.login;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;

/**
 * {@code POST /api/logout}: ends the session server-side (the old cookie is worthless from now
 * on) and tells the browser to drop the cookie. 204 whether or not there was a session, so
 * signing out twice is harmless.
 */
final class LogoutHandler implements Handler {
    private final SessionManager sessions;
    private final SessionCookie cookie;

    LogoutHandler(SessionManager sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Override
    public void handle(Request req, Response res) {
        String id = cookie.read(req);
        if (id != null) {
            sessions.end(id);
        }
        res.cookie(cookie.clear(req));
        JsonReplies.noStore(res);
        res.status(Status.NO_CONTENT).send(new byte[0]);
    }
}
