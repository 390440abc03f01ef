package io.trestle.login;

/**
 * The {@code code} field of the login API's JSON bodies: 0 for success, negative for each kind
 * of refusal, so a page can choose its message without parsing text.
 *
 * <pre>{@code
 * {"message":"success","code":0,"username":"eiger"}
 * {"message":"failed","code":-1}
 * {"message":"too many attempts","code":-2,"retryAfter":840}
 * }</pre>
 *
 * <p>Errors the core answers itself (405, 413) carry their HTTP status as the code.
 */
public final class LoginCodes {
    /** Signed in. */
    public static final int SUCCESS = 0;
    /** Wrong user name or password (401). */
    public static final int FAILED = -1;
    /** Too many failed attempts; {@code retryAfter} says for how many seconds (429). */
    public static final int THROTTLED = -2;
    /** The body is not the expected JSON object (400). */
    public static final int BAD_REQUEST = -3;
    /** The body is not {@code application/json} (415). */
    public static final int UNSUPPORTED_MEDIA_TYPE = -4;
    /** No valid session: not signed in, signed out or expired (401). */
    public static final int NOT_SIGNED_IN = -5;
    /** A cross-site request from an origin that is not allowed (403). */
    public static final int ORIGIN_NOT_ALLOWED = -6;
    /** Too many sign-ins being checked at once; try again shortly (503). */
    public static final int BUSY = -7;

    private LoginCodes() {
    }
}
