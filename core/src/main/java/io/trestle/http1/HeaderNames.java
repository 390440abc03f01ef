package io.trestle.http1;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Common header names, spelled canonically, and the intern table the parser uses so that a
 * request's {@code Host}, {@code Content-Type}, ... allocate no String: the received bytes are
 * compared without case against this table and the constant is stored instead. Request headers
 * therefore carry the canonical spelling ({@code "Host"} for {@code "HOST"}); lookups in
 * {@link io.trestle.Headers} ignore case anyway, and find these instances by identity first.
 *
 * <pre>{@code
 * String type = req.headers().get(HeaderNames.CONTENT_TYPE);
 * }</pre>
 */
public final class HeaderNames {
    public static final String ACCEPT = "Accept";
    public static final String ACCEPT_CHARSET = "Accept-Charset";
    public static final String ACCEPT_ENCODING = "Accept-Encoding";
    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String ACCEPT_RANGES = "Accept-Ranges";
    public static final String ACCESS_CONTROL_REQUEST_HEADERS = "Access-Control-Request-Headers";
    public static final String ACCESS_CONTROL_REQUEST_METHOD = "Access-Control-Request-Method";
    public static final String ALLOW = "Allow";
    public static final String AUTHORIZATION = "Authorization";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String CONNECTION = "Connection";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String CONTENT_LANGUAGE = "Content-Language";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_RANGE = "Content-Range";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String COOKIE = "Cookie";
    public static final String DATE = "Date";
    public static final String DNT = "DNT";
    public static final String ETAG = "ETag";
    public static final String EXPECT = "Expect";
    public static final String EXPIRES = "Expires";
    public static final String FORWARDED = "Forwarded";
    public static final String HOST = "Host";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_MODIFIED_SINCE = "If-Modified-Since";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String IF_RANGE = "If-Range";
    public static final String IF_UNMODIFIED_SINCE = "If-Unmodified-Since";
    public static final String KEEP_ALIVE = "Keep-Alive";
    public static final String LAST_MODIFIED = "Last-Modified";
    public static final String LOCATION = "Location";
    public static final String ORIGIN = "Origin";
    public static final String PRAGMA = "Pragma";
    public static final String PRIORITY = "Priority";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String RANGE = "Range";
    public static final String REFERER = "Referer";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String SEC_FETCH_DEST = "Sec-Fetch-Dest";
    public static final String SEC_FETCH_MODE = "Sec-Fetch-Mode";
    public static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    public static final String SEC_FETCH_USER = "Sec-Fetch-User";
    public static final String SERVER = "Server";
    public static final String SET_COOKIE = "Set-Cookie";
    public static final String TE = "TE";
    public static final String TRAILER = "Trailer";
    public static final String TRANSFER_ENCODING = "Transfer-Encoding";
    public static final String UPGRADE = "Upgrade";
    public static final String UPGRADE_INSECURE_REQUESTS = "Upgrade-Insecure-Requests";
    public static final String USER_AGENT = "User-Agent";
    public static final String VARY = "Vary";
    public static final String VIA = "Via";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String X_REAL_IP = "X-Real-IP";
    public static final String X_REQUESTED_WITH = "X-Requested-With";

    private static final String[] KNOWN = {
        ACCEPT, ACCEPT_CHARSET, ACCEPT_ENCODING, ACCEPT_LANGUAGE, ACCEPT_RANGES,
        ACCESS_CONTROL_REQUEST_HEADERS, ACCESS_CONTROL_REQUEST_METHOD, ALLOW, AUTHORIZATION,
        CACHE_CONTROL, CONNECTION, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE,
        CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, COOKIE, DATE, DNT, ETAG, EXPECT, EXPIRES,
        FORWARDED, HOST, IF_MATCH, IF_MODIFIED_SINCE, IF_NONE_MATCH, IF_RANGE, IF_UNMODIFIED_SINCE,
        KEEP_ALIVE, LAST_MODIFIED, LOCATION, ORIGIN, PRAGMA, PRIORITY, PROXY_AUTHORIZATION, RANGE,
        REFERER, RETRY_AFTER, SEC_FETCH_DEST, SEC_FETCH_MODE, SEC_FETCH_SITE, SEC_FETCH_USER,
        SERVER, SET_COOKIE, TE, TRAILER, TRANSFER_ENCODING, UPGRADE, UPGRADE_INSECURE_REQUESTS,
        USER_AGENT, VARY, VIA, WWW_AUTHENTICATE, X_FORWARDED_FOR, X_FORWARDED_HOST,
        X_FORWARDED_PROTO, X_REAL_IP, X_REQUESTED_WITH,
    };

    /** Candidates by length: {@code NAMES[n]} are the known names of n characters. */
    private static final String[][] NAMES;
    /** The same names as lower-case bytes, parallel to {@link #NAMES}. */
    private static final byte[][][] LOWER;

    static {
        int longest = 0;
        for (String name : KNOWN) {
            longest = Math.max(longest, name.length());
        }
        NAMES = new String[longest + 1][];
        LOWER = new byte[longest + 1][][];
        for (String name : KNOWN) {
            int n = name.length();
            String[] names = NAMES[n] == null ? new String[0] : NAMES[n];
            byte[][] lower = LOWER[n] == null ? new byte[0][] : LOWER[n];
            NAMES[n] = Arrays.copyOf(names, names.length + 1);
            LOWER[n] = Arrays.copyOf(lower, lower.length + 1);
            NAMES[n][names.length] = name;
            LOWER[n][lower.length] = name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private HeaderNames() {
    }

    /** The canonical constant for the name in {@code bytes[from, to)}, or {@code null}. */
    static String lookup(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n >= NAMES.length || NAMES[n] == null) {
            return null;
        }
        byte[][] candidates = LOWER[n];
        candidates:
        for (int c = 0; c < candidates.length; c++) {
            byte[] lower = candidates[c];
            for (int i = 0; i < n; i++) {
                if (HttpChars.lower(bytes[from + i]) != lower[i]) {
                    continue candidates;
                }
            }
            return NAMES[n][c];
        }
        return null;
    }
}
