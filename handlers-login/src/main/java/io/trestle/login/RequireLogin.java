package io.trestle.login;

import io.trestle.Filter;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;

/**
 * Answers 401 {@code {"message":"sign in first","code":-5}} for requests on its path that have
 * no signed-in user, so the handlers behind it can rely on {@link Request#user()}. The login
 * plugin installs one per {@code protected-paths} pattern; register more yourself:
 *
 * <pre>{@code
 * routes.filter(new RequireLogin("/admin/{rest...}"));
 * routes.get("/admin/me", (req, res) -> res.text("hello " + req.user().orElseThrow()));
 * }</pre>
 *
 * <p>It runs after the login plugin's session filter ({@link LoginPlugin#REQUIRE_LOGIN_ORDER}).
 * OPTIONS requests pass: they carry no cookie and change nothing.
 */
public final class RequireLogin implements Filter {
    private final String path;

    /** Guards the paths matching {@code pattern} (route syntax). */
    public RequireLogin(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
        }
        this.path = pattern;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public int order() {
        return LoginPlugin.REQUIRE_LOGIN_ORDER;
    }

    @Override
    public void filter(Request req, Response res, Chain chain) throws Exception {
        if (req.user().isEmpty() && req.method() != Method.OPTIONS) {
            JsonReplies.error(res, Status.UNAUTHORIZED, "sign in first", LoginCodes.NOT_SIGNED_IN);
            return;
        }
        chain.proceed();
    }
}
