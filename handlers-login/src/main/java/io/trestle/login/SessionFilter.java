package io.trestle.login;

import io.trestle.Filter;
import io.trestle.Request;
import io.trestle.Response;
import java.util.Optional;

/**
 * Finds the session of any request that carries a session cookie and, when it is live, makes its
 * user the request's {@link Request#user()} (and restarts its idle clock). Answers nothing
 * itself: a missing or dead session just leaves the request anonymous.
 *
 * <p>When the session store cannot be reached, the request also goes on anonymous, so routes
 * that need no session (static files) keep working; the failure is kept on the request and
 * {@link #requireStore} raises it where a session matters, which answers 503 rather than a
 * misleading 401.
 */
final class SessionFilter implements Filter {
    /** The request attribute holding the {@link StoreUnavailableException} of the lookup, if any. */
    static final String STORE_FAILURE = SessionFilter.class.getName() + ".storeFailure";

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
            try {
                Optional<Session> session = sessions.find(id);
                if (session.isPresent()) {
                    req.user(session.get().username());
                }
            } catch (StoreUnavailableException e) {
                req.attribute(STORE_FAILURE, e);
            }
        }
        chain.proceed();
    }

    /**
     * Throws the store failure of this request's session lookup, if there was one and so nobody
     * is known to be signed in: whether the request has a live session is then unknown.
     */
    static void requireStore(Request req) {
        if (req.user().isEmpty() && req.attribute(STORE_FAILURE) instanceof StoreUnavailableException e) {
            throw e;
        }
    }
}
