package io.trestle.login;

import io.trestle.Filter;
import io.trestle.Request;
import io.trestle.Response;
import java.util.Optional;

/**
 * Finds the session of any request that carries a session cookie and, when it is live, makes its
 * user the request's {@link Request#user()} (and restarts its idle clock). Answers nothing
 * itself: a missing or dead session just leaves the request anonymous.
 */
final class SessionFilter implements Filter {
    private final SessionManager sessions;
    private final SessionCookie cookie;

    SessionFilter(SessionManager sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Override
    public int order() {
        return LoginPlugin.SESSION_ORDER;
    }

    @Override
    public void filter(Request req, Response res, Chain chain) throws Exception {
        String id = cookie.read(req);
        if (id != null) {
            Optional<Session> session = sessions.find(id);
            if (session.isPresent()) {
                req.user(session.get().username());
            }
        }
        chain.proceed();
    }
}
