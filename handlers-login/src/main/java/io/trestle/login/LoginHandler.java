package io.trestle.login;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/login}: checks {@code {"username", "password"}} against the users file and
 * starts a new session. In order: 415 unless the body is JSON, 400 for a body that is not the
 * expected object, 429 when the user name from this client, the client, or (from an address
 * that has not signed the user in lately) the user name overall is throttled, even with the right
 * password (see {@link LoginThrottle}), then 200 with a new session cookie or 401 — the same body
 * for a wrong password and an unknown user, which also take the same time.
 */
final class LoginHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(LoginHandler.class);

    private final UserDirectory users;
    private final SessionManager sessions;
    private final SessionCookie cookie;
    private final LoginThrottle throttle;
    private final HashingGate gate;

    LoginHandler(UserDirectory users, SessionManager sessions, SessionCookie cookie, LoginThrottle throttle,
                 HashingGate gate) {
        this.users = users;
        this.sessions = sessions;
        this.cookie = cookie;
        this.throttle = throttle;
        this.gate = gate;
    }

    @Override
    public void handle(Request req, Response res) throws Exception {
        if (!isJson(req.contentType())) {
            JsonReplies.error(res, Status.UNSUPPORTED_MEDIA_TYPE, "send the credentials as application/json (UTF-8)",
                    LoginCodes.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        Credentials credentials;
        try {
            credentials = Credentials.parse(req.bodyBytes());
        } catch (Credentials.BadRequest e) {
            JsonReplies.error(res, Status.BAD_REQUEST, e.getMessage(), LoginCodes.BAD_REQUEST);
            return;
        }
        try {
            signIn(req, res, credentials);
        } finally {
            credentials.clear();
        }
    }

    private void signIn(Request req, Response res, Credentials credentials) throws InterruptedException {
        String name = credentials.username();
        String client = req.clientAddress();
        LoginThrottle.Ticket ticket = throttle.begin(name, client);
        if (ticket.refused()) {
            long seconds = Math.max(1, (ticket.retryAfter().toMillis() + 999) / 1000);
            res.header("Retry-After", Long.toString(seconds));
            Map<String, Object> body = JsonReplies.body("too many attempts", LoginCodes.THROTTLED);
            body.put("retryAfter", seconds);
            JsonReplies.send(res, Status.TOO_MANY_REQUESTS, body);
            return;
        }
        if (!gate.enter()) {
            throttle.abandoned(ticket);
            res.header("Retry-After", "1");
            JsonReplies.error(res, Status.SERVICE_UNAVAILABLE, "busy, try again", LoginCodes.BUSY);
            return;
        }
        boolean ok;
        try {
            ok = users.verify(name, credentials.password());
        } catch (RuntimeException e) {
            throttle.abandoned(ticket);
            throw e;
        } finally {
            gate.leave();
        }
        if (!ok) {
            log.info("Sign-in failed for {} from {}", users.exists(name) ? "user '" + name + "'" : "an unknown user name", client);
            JsonReplies.error(res, Status.UNAUTHORIZED, "failed", LoginCodes.FAILED);
            return;
        }
        throttle.succeeded(ticket);
        String old = cookie.read(req);
        if (old != null) {
            sessions.end(old); // a new id at every sign-in: a planted id never becomes a session
        }
        Session session = sessions.create(name);
        res.cookie(cookie.issue(session.id(), req));
        log.info("User '{}' signed in from {}", name, client);
        Map<String, Object> body = JsonReplies.body("success", LoginCodes.SUCCESS);
        body.put("username", name);
        JsonReplies.send(res, Status.OK, body);
    }

    /** {@code application/json}, any case, with no charset or UTF-8 (RFC 8259 JSON is UTF-8). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
        if (!type.equalsIgnoreCase("application/json")) {
            return false;
        }
        String charset = parameter(contentType.toLowerCase(Locale.ROOT), "charset");
        return charset == null || charset.equals("utf-8") || charset.equals("utf8");
    }

    /** The value of {@code name} among the {@code ;} parameters of a lower-cased media type, unquoted. */
    private static String parameter(String mediaType, String name) {
        int from = mediaType.indexOf(';');
        while (from >= 0) {
            int next = mediaType.indexOf(';', from + 1);
            String param = (next < 0 ? mediaType.substring(from + 1) : mediaType.substring(from + 1, next)).strip();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equals(name)) {
                String value = param.substring(eq + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
            from = next;
        }
        return null;
    }
}
