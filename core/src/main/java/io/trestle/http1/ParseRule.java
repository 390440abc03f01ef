package io.trestle.http1;

/**
 * Every rule the HTTP/1.1 input side enforces, named, with the section of the RFC it comes from,
 * the status a request breaking it gets, and the short message sent with that status.
 *
 * <p>Trestle applies all of them, always: unlike Jetty's {@code HttpCompliance} there is no mode
 * that tolerates a deviation, because every tolerated deviation is a chance for a front proxy and
 * this server to disagree about where a request ends (request smuggling). Rules marked
 * <em>stricter than the RFC</em> refuse something the RFC lets a recipient accept.
 *
 * <pre>{@code
 * catch (HttpParseException e) {
 *     if (e.rule() == ParseRule.OBS_FOLD) log.debug("client still folds header lines");
 * }
 * }</pre>
 */
public enum ParseRule {
    // ---- message lines (RFC 9112 §2) ----
    /** RFC 9112 §2.2: a few empty lines before the request line are ignored; many are abuse. */
    LEADING_EMPTY_LINES("RFC 9112 §2.2", 400, "too many empty lines before the request line"),
    /** RFC 9112 §2.2: lines end with CRLF; a bare LF is not accepted as a line end. */
    BARE_LF("RFC 9112 §2.2", 400, "a line ends with a bare LF instead of CRLF"),
    /** RFC 9112 §2.2: a bare CR outside a CRLF is invalid. */
    BARE_CR("RFC 9112 §2.2", 400, "the request head contains a bare CR"),
    /** RFC 9112 §2.2: the first byte of a request must start a method (also catches TLS sent to a plain port). */
    NOT_HTTP("RFC 9112 §2.2", 400, "this is not an HTTP/1.1 request"),

    // ---- request line (RFC 9112 §3) ----
    /** RFC 9112 §3: {@code method SP request-target SP HTTP-version}, single spaces. */
    REQUEST_LINE_SYNTAX("RFC 9112 §3", 400, "malformed request line"),
    /** RFC 9112 §3: a server answers a request line longer than it will parse with 414. */
    REQUEST_LINE_TOO_LONG("RFC 9112 §3", 414, "request line is too long"),
    /** RFC 9112 §3.1: the method is a token. */
    METHOD_NOT_TOKEN("RFC 9112 §3.1", 400, "the method is not a token"),
    /** RFC 9110 §9.1: a method the server does not know gets 501. */
    METHOD_UNKNOWN("RFC 9110 §9.1", 501, "method not implemented"),
    /** RFC 9112 §3.2.3: authority-form belongs to CONNECT, which Trestle does not implement. */
    CONNECT_UNSUPPORTED("RFC 9112 §3.2.3", 501, "CONNECT is not supported"),
    /** RFC 9112 §3.2, RFC 3986 §2: the target uses only URI characters (and percent-encoding). */
    TARGET_CHARACTER("RFC 9112 §3.2", 400, "the request target contains a character a URI may not have"),
    /** RFC 3986 §2.1: {@code %} is followed by two hex digits. */
    TARGET_PERCENT_ENCODING("RFC 3986 §2.1", 400, "bad percent-encoding in the request target"),
    /** RFC 9112 §3.2: the request target never carries a fragment. */
    TARGET_FRAGMENT("RFC 9112 §3.2", 400, "the request target contains a fragment (#)"),
    /** RFC 9112 §3.2: origin-form, absolute-form, authority-form (CONNECT) or asterisk-form. */
    TARGET_FORM("RFC 9112 §3.2", 400, "the request target is not in origin-, absolute- or asterisk-form"),
    /** RFC 9112 §3.2.4: asterisk-form is only for OPTIONS. */
    ASTERISK_NOT_OPTIONS("RFC 9112 §3.2.4", 400, "the target * is only allowed with OPTIONS"),
    /** RFC 9112 §3.2.2: Trestle serves http and https URIs only. */
    ABSOLUTE_SCHEME("RFC 9112 §3.2.2", 400, "an absolute target must be an http or https URI"),
    /** RFC 9110 §4.2.4: userinfo in an http(s) URI is an error. */
    ABSOLUTE_USERINFO("RFC 9110 §4.2.4", 400, "the request target contains userinfo"),
    /** RFC 9110 §4.2.1: an http(s) URI with an empty or invalid host is rejected. */
    ABSOLUTE_HOST("RFC 9110 §4.2.1", 400, "the request target has an invalid host"),
    /** RFC 9112 §2.3: {@code HTTP/DIGIT.DIGIT}, case-sensitive. */
    VERSION_SYNTAX("RFC 9112 §2.3", 400, "malformed HTTP version"),
    /** RFC 9110 §15.6.6: well-formed versions other than 1.0 and 1.1 get 505. */
    VERSION_UNSUPPORTED("RFC 9110 §15.6.6", 505, "HTTP version not supported"),

    // ---- field lines (RFC 9112 §5, RFC 9110 §5) ----
    /** RFC 9112 §5.2: obsolete line folding (a line starting with SP or HTAB) is rejected. */
    OBS_FOLD("RFC 9112 §5.2", 400, "obsolete line folding or whitespace at the start of a header line"),
    /** RFC 9110 §5.1: a field name is a non-empty token. */
    FIELD_NAME_INVALID("RFC 9110 §5.1", 400, "invalid header name"),
    /** RFC 9112 §5.1: no whitespace between field name and colon. */
    WHITESPACE_BEFORE_COLON("RFC 9112 §5.1", 400, "whitespace between a header name and its colon"),
    /** RFC 9112 §5: a field line is {@code name ":" value}. */
    FIELD_NO_COLON("RFC 9112 §5", 400, "a header line has no colon"),
    /** RFC 9110 §5.5: no NUL, CR, LF or other controls (HTAB aside) in a value. */
    FIELD_VALUE_CHARACTER("RFC 9110 §5.5", 400, "a header value contains a control character"),
    /** RFC 6585 §5: the header section is larger than the server accepts. */
    HEADERS_TOO_LARGE("RFC 6585 §5", 431, "request header section is too large"),
    /** RFC 6585 §5: more header fields than the server accepts. */
    TOO_MANY_HEADERS("RFC 6585 §5", 431, "too many request header fields"),

    // ---- framing and connection (RFC 9112 §3.2, §6, §9; RFC 9110 §7, §10) ----
    /** RFC 9112 §3.2: an HTTP/1.1 request without Host gets 400. */
    HOST_MISSING("RFC 9112 §3.2", 400, "HTTP/1.1 request without a Host header"),
    /** RFC 9112 §3.2: more than one Host field gets 400. */
    HOST_REPEATED("RFC 9112 §3.2", 400, "more than one Host header"),
    /** RFC 9112 §3.2, RFC 9110 §7.2: {@code Host = uri-host [ ":" port ]}. */
    HOST_INVALID("RFC 9112 §3.2", 400, "invalid Host header"),
    /** RFC 9110 §8.6: {@code Content-Length = 1*DIGIT}; overflow is invalid too. */
    CONTENT_LENGTH_INVALID("RFC 9110 §8.6", 400, "invalid Content-Length"),
    /**
     * RFC 9112 §6.3: several Content-Length fields. <em>Stricter than the RFC</em>: even identical
     * values are refused, since a proxy in front may have used another one.
     */
    CONTENT_LENGTH_REPEATED("RFC 9112 §6.3", 400, "more than one Content-Length header"),
    /** RFC 9112 §6.1: Content-Length and Transfer-Encoding together is a smuggling signature; refused. */
    CONTENT_LENGTH_WITH_TRANSFER_ENCODING("RFC 9112 §6.1", 400, "both Content-Length and Transfer-Encoding"),
    /** RFC 9112 §6.1: an HTTP/1.0 request with Transfer-Encoding is faulty framing. */
    TRANSFER_ENCODING_HTTP10("RFC 9112 §6.1", 400, "Transfer-Encoding in an HTTP/1.0 request"),
    /**
     * RFC 9110 §5.6.1: a list of transfer-codings. <em>Stricter than the RFC</em>: empty list
     * elements are refused instead of ignored.
     */
    TRANSFER_ENCODING_LIST("RFC 9110 §5.6.1", 400, "malformed Transfer-Encoding"),
    /** RFC 9112 §6.3: chunked must be the final coding, or the length is unknowable. */
    CHUNKED_NOT_LAST("RFC 9112 §6.3", 400, "chunked is not the last transfer coding"),
    /** RFC 9112 §6.1: chunked is never applied twice. */
    CHUNKED_TWICE("RFC 9112 §6.1", 400, "chunked appears more than once in Transfer-Encoding"),
    /** RFC 9112 §6.1: a transfer coding the server does not understand gets 501. */
    TRANSFER_CODING_UNSUPPORTED("RFC 9112 §6.1", 501, "transfer coding not implemented"),
    /** RFC 9110 §7.6.1: {@code Connection = #connection-option} (tokens). */
    CONNECTION_INVALID("RFC 9110 §7.6.1", 400, "invalid Connection header"),
    /** RFC 9110 §10.1.1: an expectation other than 100-continue gets 417. */
    EXPECTATION_UNSUPPORTED("RFC 9110 §10.1.1", 417, "only the expectation 100-continue is supported"),

    // ---- chunked body (RFC 9112 §7.1) ----
    /** RFC 9112 §7.1: {@code chunk-size = 1*HEXDIG}. */
    CHUNK_SIZE_SYNTAX("RFC 9112 §7.1", 400, "malformed chunk size"),
    /** RFC 9112 §7.1: recipients must guard against integer overflow; at most 16 hex digits. */
    CHUNK_SIZE_TOO_LARGE("RFC 9112 §7.1", 400, "chunk size is too large"),
    /** RFC 9112 §7.1.1: extensions are {@code ;name[=token|quoted-string]} (CVE-2026-2332, CVE-2025-55315). */
    CHUNK_EXTENSION_SYNTAX("RFC 9112 §7.1.1", 400, "malformed chunk extension"),
    /** RFC 9112 §7.1.1: a server limits the extension bytes it will read. */
    CHUNK_EXTENSIONS_TOO_LONG("RFC 9112 §7.1.1", 400, "chunk extensions are too long"),
    /** RFC 9112 §7.1: chunk data is followed by CRLF. */
    CHUNK_DATA_CRLF("RFC 9112 §7.1", 400, "chunk data is not followed by CRLF"),
    /** RFC 9112 §7.1.2: the trailer section is bounded like the header section (CVE-2023-46589). */
    TRAILERS_TOO_LARGE("RFC 9112 §7.1.2", 431, "trailer section is too large"),
    /** RFC 9112 §7.1.2: at most as many trailer fields as header fields. */
    TOO_MANY_TRAILERS("RFC 9112 §7.1.2", 431, "too many trailer fields"),
    /** RFC 9110 §15.5.14: the body is larger than the server accepts. */
    BODY_TOO_LARGE("RFC 9110 §15.5.14", 413, "request body is too large");

    private final String section;
    private final int status;
    private final String message;

    ParseRule(String section, int status, String message) {
        this.section = section;
        this.status = status;
        this.message = message;
    }

    /** Where the rule comes from, e.g. {@code "RFC 9112 §5.2"}. */
    public String section() {
        return section;
    }

    /** The status a request breaking this rule is answered with. */
    public int status() {
        return status;
    }

    /** The short message for the error page and the log. */
    public String message() {
        return message;
    }

    /** The exception to throw for a request breaking this rule. */
    HttpParseException violation() {
        return new HttpParseException(this);
    }
}
