package io.trestle;

/**
 * Status codes and their reason phrases (RFC 9110), like the status table of the classic
 * Python {@code BaseHTTPRequestHandler}.
 *
 * <pre>{@code
 * res.status(Status.CREATED);
 * Status.reason(404);   // "Not Found"
 * }</pre>
 */
public final class Status {
    public static final int CONTINUE = 100;
    public static final int SWITCHING_PROTOCOLS = 101;
    public static final int OK = 200;
    public static final int CREATED = 201;
    public static final int ACCEPTED = 202;
    public static final int NO_CONTENT = 204;
    public static final int PARTIAL_CONTENT = 206;
    public static final int MOVED_PERMANENTLY = 301;
    public static final int FOUND = 302;
    public static final int SEE_OTHER = 303;
    public static final int NOT_MODIFIED = 304;
    public static final int TEMPORARY_REDIRECT = 307;
    public static final int PERMANENT_REDIRECT = 308;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int NOT_ACCEPTABLE = 406;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int CONFLICT = 409;
    public static final int GONE = 410;
    public static final int LENGTH_REQUIRED = 411;
    public static final int PRECONDITION_FAILED = 412;
    public static final int CONTENT_TOO_LARGE = 413;
    public static final int URI_TOO_LONG = 414;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    public static final int RANGE_NOT_SATISFIABLE = 416;
    public static final int EXPECTATION_FAILED = 417;
    public static final int UNPROCESSABLE_CONTENT = 422;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;
    public static final int INTERNAL_SERVER_ERROR = 500;
    public static final int NOT_IMPLEMENTED = 501;
    public static final int BAD_GATEWAY = 502;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int GATEWAY_TIMEOUT = 504;
    public static final int HTTP_VERSION_NOT_SUPPORTED = 505;

    private static final String[] REASONS = new String[600];

    static {
        String[][] table = {
            {"100", "Continue"}, {"101", "Switching Protocols"},
            {"200", "OK"}, {"201", "Created"}, {"202", "Accepted"},
            {"203", "Non-Authoritative Information"}, {"204", "No Content"}, {"205", "Reset Content"},
            {"206", "Partial Content"},
            {"300", "Multiple Choices"}, {"301", "Moved Permanently"}, {"302", "Found"},
            {"303", "See Other"}, {"304", "Not Modified"}, {"307", "Temporary Redirect"},
            {"308", "Permanent Redirect"},
            {"400", "Bad Request"}, {"401", "Unauthorized"}, {"402", "Payment Required"},
            {"403", "Forbidden"}, {"404", "Not Found"}, {"405", "Method Not Allowed"},
            {"406", "Not Acceptable"}, {"407", "Proxy Authentication Required"},
            {"408", "Request Timeout"}, {"409", "Conflict"}, {"410", "Gone"},
            {"411", "Length Required"}, {"412", "Precondition Failed"}, {"413", "Content Too Large"},
            {"414", "URI Too Long"}, {"415", "Unsupported Media Type"},
            {"416", "Range Not Satisfiable"}, {"417", "Expectation Failed"},
            {"421", "Misdirected Request"}, {"422", "Unprocessable Content"},
            {"426", "Upgrade Required"}, {"428", "Precondition Required"},
            {"429", "Too Many Requests"}, {"431", "Request Header Fields Too Large"},
            {"451", "Unavailable For Legal Reasons"},
            {"500", "Internal Server Error"}, {"501", "Not Implemented"}, {"502", "Bad Gateway"},
            {"503", "Service Unavailable"}, {"504", "Gateway Timeout"},
            {"505", "HTTP Version Not Supported"},
        };
        for (String[] row : table) {
            REASONS[Integer.parseInt(row[0])] = row[1];
        }
    }

    private Status() {
    }

    /** The reason phrase of {@code status}, or a generic one for its class when it has none. */
    public static String reason(int status) {
        if (status >= 100 && status < 600 && REASONS[status] != null) {
            return REASONS[status];
        }
        if (status >= 500) {
            return "Server Error";
        }
        if (status >= 400) {
            return "Client Error";
        }
        return status >= 300 ? "Redirection" : "Status " + status;
    }

    /** Whether a response with this status never has a body (1xx, 204, 304). */
    public static boolean forbidsBody(int status) {
        return status < 200 || status == NO_CONTENT || status == NOT_MODIFIED;
    }
}
