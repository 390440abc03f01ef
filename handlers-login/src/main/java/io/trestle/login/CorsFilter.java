package io.trestle.login;

import io.trestle.Filter;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;

/**
 * Cross-origin rules for cookie-authenticated requests. Requests without {@code Origin} pass
 * untouched. For an allowed origin it answers preflights (204) and adds
 * {@code Access-Control-Allow-Origin: <origin>} with credentials to other responses. A
 * state-changing request (POST, PUT, PATCH, DELETE) from any other site is refused with 403
 * before a handler sees it: a guard against cross-site request forgery on top of
 * {@code SameSite=Strict}. A preflight from a site not allowed gets no CORS headers, so the
 * browser stops there.
 */
final class CorsFilter implements Filter {
    private static final String MAX_AGE_SECONDS = "600";

    private final CorsPolicy policy;

    CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public int order() {
        return LoginPlugin.CORS_ORDER;
    }

    @Override
    public void filter(Request req, Response res, Chain chain) throws Exception {
        String origin = req.header("Origin");
        if (origin == null) {
            chain.proceed();
            return;
        }
        boolean allowed = policy.allows(origin);
        if (!policy.isEmpty()) {
            // The answer depends on Origin whenever some origins are allowed: caches must know.
            res.addHeader("Vary", "Origin");
        }
        if (req.method() == Method.OPTIONS && req.header("Access-Control-Request-Method") != null) {
            if (allowed) {
                answerPreflight(res, origin);
            } else {
                chain.proceed();
            }
            return;
        }
        if (allowed) {
            res.header("Access-Control-Allow-Origin", origin);
            res.header("Access-Control-Allow-Credentials", "true");
            res.header("Access-Control-Expose-Headers", "Retry-After");
        } else if (changesState(req.method()) && !CorsPolicy.isSameOrigin(origin, req)) {
            JsonReplies.error(res, Status.FORBIDDEN, "cross-site request from an origin that is not allowed",
                    LoginCodes.ORIGIN_NOT_ALLOWED);
            return;
        }
        chain.proceed();
    }

    private static void answerPreflight(Response res, String origin) {
        res.status(Status.NO_CONTENT);
        res.header("Access-Control-Allow-Origin", origin);
        res.header("Access-Control-Allow-Credentials", "true");
        res.header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE");
        res.header("Access-Control-Allow-Headers", "Content-Type");
        res.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        res.send(new byte[0]);
    }

    private static boolean changesState(Method m) {
        return m == Method.POST || m == Method.PUT || m == Method.PATCH || m == Method.DELETE;
    }
}
