package io.trestle.smuggling;

import java.util.List;

/**
 * The request-smuggling vectors Trestle is tested against, each as the bytes a client sends. They
 * are shared: {@link SmugglingTest} sends them over a socket, and the fuzz tests keep each one as a
 * regression input ({@code io.trestle.fuzz.SeedCorpusTest} checks that none is missing).
 *
 * <p>Routes the requests assume: {@code POST /echo} answers with the body it read, {@code POST
 * /small} likewise with a 16-byte body limit, and {@link #FOLLOW_UP} asks for {@code /smuggled},
 * which must never be answered after a refused request.
 */
public final class Vectors {
    /** Appended to every refused vector: were it answered, the server would have been desynchronized. */
    public static final String FOLLOW_UP = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    private static final String POST = "POST /echo HTTP/1.1\r\nHost: x\r\n";
    private static final String CHUNKED = POST + "Transfer-Encoding: chunked\r\n\r\n";
    /** A chunked body whose chunks would read as a request to a server that used Content-Length. */
    private static final String SMUGGLING_BODY = "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

    /**
     * A request the server must refuse.
     *
     * @param name    what is wrong, unique, usable as a file name
     * @param cve     the published flaw of another server it reproduces, or "" for a generic vector
     * @param request the bytes (ISO-8859-1), without the follow-up
     * @param status  the RFC 9112 answer
     */
    public record Refused(String name, String cve, String request, int status) {
        public String payload() {
            return request + FOLLOW_UP;
        }

        @Override
        public String toString() {
            return cve.isEmpty() ? name : name + " (" + cve + ")";
        }
    }

    /**
     * A request the RFC lets the server accept, with one framing: {@code body} is what the handler
     * must read, and the follow-up is then answered as a request of its own.
     */
    public record Tolerated(String name, String request, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Vectors() {
    }

    public static List<Refused> refused() {
        return List.of(
            // ---- CL.TE and TE.CL: both framings in one request ----
            new Refused("cl-then-te", "CVE-2017-7658", POST + "Content-Length: 39\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-then-cl", "", POST + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n"
                    + "5c\r\nGPOST /smuggled HTTP/1.1\r\n\r\n0\r\n\r\n", 400),
            new Refused("cl-with-te-list", "CVE-2019-20445", POST + "Content-Length: 5\r\n"
                    + "Transfer-Encoding: chunked, something\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-http10-with-cl", "", "POST /echo HTTP/1.0\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + SMUGGLING_BODY, 400),

            // ---- TE.TE: Transfer-Encoding spellings one parser may take for chunked and another not ----
            new Refused("te-space-before-colon", "CVE-2019-16869", POST + "Transfer-Encoding : chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-tab-before-colon", "", POST + "Transfer-Encoding\t: chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-leading-space", "CVE-2020-7238", POST + " Transfer-Encoding: chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-obs-fold", "", POST + "X-A: b\r\n Transfer-Encoding: chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-folded-value", "", POST + "Transfer-Encoding:\r\n chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-control-before-name", "CVE-2021-43797", POST + "\u0001Transfer-Encoding: chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-control-after-name", "CVE-2021-43797", POST + "Transfer-Encoding\u000b: chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-nul-in-name", "", POST + "Transfer-Encoding\u0000: chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-control-in-value", "", POST + "Transfer-Encoding: chunked\u000b\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-nul-in-value", "", POST + "Transfer-Encoding: chun\u0000ked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-no-colon", "CVE-2019-20444", POST + "Transfer-Encoding chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-name-only", "CVE-2019-20444", POST + "Transfer-Encoding\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-identity", "CVE-2021-33037", POST + "Transfer-Encoding: identity\r\n\r\n" + SMUGGLING_BODY, 501),
            new Refused("te-identity-then-chunked", "CVE-2021-33037", POST + "Transfer-Encoding: identity, chunked\r\n\r\n"
                    + SMUGGLING_BODY, 501),
            new Refused("te-chunked-not-last", "CVE-2021-33037", POST + "Transfer-Encoding: chunked, identity\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-chunked-then-other-field", "", POST + "Transfer-Encoding: chunked\r\n"
                    + "Transfer-Encoding: x\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-other-field-then-chunked", "", POST + "Transfer-Encoding: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + SMUGGLING_BODY, 501),
            new Refused("te-chunked-twice", "", POST + "Transfer-Encoding: chunked, chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-chunked-twice-in-two-fields", "", POST + "Transfer-Encoding: chunked\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-xchunked", "", POST + "Transfer-Encoding: xchunked\r\n\r\n" + SMUGGLING_BODY, 501),
            new Refused("te-chunk", "", POST + "Transfer-Encoding: chunk\r\n\r\n" + SMUGGLING_BODY, 501),
            new Refused("te-quoted-chunked", "", POST + "Transfer-Encoding: \"chunked\"\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-chunked-with-parameter", "", POST + "Transfer-Encoding: chunked;q=1\r\n\r\n"
                    + SMUGGLING_BODY, 400),
            new Refused("te-empty", "", POST + "Transfer-Encoding:\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-empty-list-element", "", POST + "Transfer-Encoding: ,chunked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-non-ascii", "", POST + "Transfer-Encoding: ch\u00fcnked\r\n\r\n" + SMUGGLING_BODY, 400),
            new Refused("te-http10", "", "POST /echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + SMUGGLING_BODY, 400),

            // ---- Content-Length: duplicated or malformed ----
            new Refused("cl-twice-different", "CVE-2017-7658", POST + "Content-Length: 0\r\nContent-Length: 37\r\n\r\n"
                    + FOLLOW_UP, 400),
            new Refused("cl-twice-same", "CVE-2017-7658", POST + "Content-Length: 37\r\nContent-Length: 37\r\n\r\n"
                    + FOLLOW_UP, 400),
            new Refused("cl-list", "", POST + "Content-Length: 37, 37\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-plus-sign", "CVE-2023-40167", POST + "Content-Length: +37\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-minus-sign", "", POST + "Content-Length: -1\r\n\r\n", 400),
            new Refused("cl-hex", "", POST + "Content-Length: 0x25\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-trailing-letter", "CVE-2022-42252", POST + "Content-Length: 37a\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-exponent", "CVE-2022-42252", POST + "Content-Length: 3e1\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-inner-space", "", POST + "Content-Length: 3 7\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-empty", "", POST + "Content-Length:\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-overflow", "", POST + "Content-Length: 18446744073709551653\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-space-before-colon", "CVE-2019-16869", POST + "Content-Length : 37\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-name-with-space", "", POST + "Content Length: 37\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("cl-non-ascii-digit", "", POST + "Content-Length: \u00b937\r\n\r\n" + FOLLOW_UP, 400),

            // ---- chunk sizes and extensions: the head is fine, the body is not ----
            new Refused("chunk-size-0x-prefix", "", CHUNKED + "0x5\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-plus-sign", "", CHUNKED + "+5\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-minus-sign", "", CHUNKED + "-5\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-leading-space", "", CHUNKED + " 5\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-trailing-space", "", CHUNKED + "5 \r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-empty", "", CHUNKED + "\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-17-digits", "CVE-2020-10719", CHUNKED + "00000000000000005\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-wraps-to-small", "CVE-2020-10719", CHUNKED + "10000000000000005\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-wraps-negative", "CVE-2020-10719", CHUNKED + "ffffffffffffffff\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-huge", "CVE-2020-10719", CHUNKED + "7fffffffffffffff\r\nhello\r\n0\r\n\r\n", 413),
            new Refused("chunk-data-too-long", "", CHUNKED + "5\r\nhello!\r\n0\r\n\r\n", 400),
            new Refused("chunk-data-too-short", "", CHUNKED + "5\r\nhell\r\n0\r\n\r\n", 400),
            new Refused("chunk-data-without-crlf", "", CHUNKED + "5\r\nhello0\r\n\r\n", 400),
            new Refused("chunk-ext-unterminated-quote", "CVE-2026-2332", CHUNKED + "5;a=\"b\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-quote-swallows-lines", "CVE-2026-2332", CHUNKED
                    + "5;a=\"\r\nhello\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\n\"\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-lone-lf", "CVE-2025-55315", CHUNKED + "5;a\nb\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-lone-cr", "", CHUNKED + "5;a\rb\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-no-name", "", CHUNKED + "5;\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-no-semicolon", "", CHUNKED + "5 a\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-ext-too-long", "", CHUNKED + "5;a=" + "b".repeat(5000) + "\r\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-size-bare-lf", "", CHUNKED + "5\nhello\r\n0\r\n\r\n", 400),
            new Refused("chunk-data-bare-lf", "", CHUNKED + "5\r\nhello\n0\r\n\r\n", 400),
            new Refused("chunk-data-bare-cr", "", CHUNKED + "5\r\nhello\r0\r\n\r\n", 400),
            new Refused("last-chunk-bare-lf", "", CHUNKED + "5\r\nhello\r\n0\n\r\n", 400),
            new Refused("trailer-no-colon", "CVE-2023-45648", CHUNKED + "5\r\nhello\r\n0\r\nX-Trailer\r\n\r\n", 400),
            new Refused("trailer-space-before-colon", "CVE-2023-45648", CHUNKED
                    + "5\r\nhello\r\n0\r\nX-Trailer : a\r\n\r\n", 400),
            new Refused("trailer-is-a-request-line", "CVE-2023-45648", CHUNKED + "5\r\nhello\r\n0\r\n" + FOLLOW_UP, 400),
            new Refused("trailer-bare-lf", "", CHUNKED + "5\r\nhello\r\n0\r\nX-Trailer: a\n\r\n", 400),
            new Refused("trailer-obs-fold", "", CHUNKED + "5\r\nhello\r\n0\r\nX-Trailer: a\r\n b\r\n\r\n", 400),
            new Refused("trailer-over-header-limit", "CVE-2023-46589", CHUNKED + "5\r\nhello\r\n0\r\nX-Trailer: "
                    + "a".repeat(17 * 1024) + "\r\n\r\n", 431),
            new Refused("trailer-too-many", "CVE-2023-46589", CHUNKED + "5\r\nhello\r\n0\r\n"
                    + "X-T: a\r\n".repeat(101) + "\r\n", 431),

            // ---- body limits count decoded bytes, for chunked bodies too ----
            new Refused("body-limit-content-length", "", "POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n"
                    + "x".repeat(17), 413),
            new Refused("body-limit-one-chunk", "", "POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "11\r\n" + "x".repeat(17) + "\r\n0\r\n\r\n", 413),
            new Refused("body-limit-many-chunks", "", "POST /small HTTP/1.1\r\nHost: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + "6\r\nxxxxxx\r\n".repeat(3) + "0\r\n\r\n", 413),

            // ---- line ends: bare LF and bare CR in the head ----
            new Refused("request-line-bare-lf", "", "POST /echo HTTP/1.1\nHost: x\r\nContent-Length: 0\r\n\r\n", 400),
            new Refused("field-line-bare-lf", "", POST + "Content-Length: 37\nX: y\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("head-ends-with-bare-lf", "", POST + "Content-Length: 37\r\n\n" + FOLLOW_UP, 400),
            new Refused("field-value-bare-cr", "", POST + "X-A: a\rContent-Length: 37\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("field-line-ends-with-bare-cr", "", POST + "Content-Length: 37\r\r\n\r\n" + FOLLOW_UP, 400),
            new Refused("request-line-bare-cr", "", "POST /echo\rHTTP/1.1\r\nHost: x\r\n\r\n", 400),

            // ---- header names with spaces and other request-line and host tricks ----
            new Refused("header-name-with-space", "", POST + "X A: b\r\n\r\n", 400),
            new Refused("header-name-empty", "", POST + ": b\r\n\r\n", 400),
            new Refused("host-twice", "", "GET /echo HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
            new Refused("host-missing", "", "GET /echo HTTP/1.1\r\n\r\n", 400),
            new Refused("request-line-double-space", "", "GET  /echo HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            new Refused("request-line-tab", "", "GET\t/echo HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            new Refused("request-line-trailing-space", "", "GET /echo HTTP/1.1 \r\nHost: x\r\n\r\n", 400),
            new Refused("version-lower-case", "", "GET /echo http/1.1\r\nHost: x\r\n\r\n", 400),
            new Refused("version-http2", "", "GET /echo HTTP/2.0\r\nHost: x\r\n\r\n", 505),
            new Refused("method-lower-case", "", "post /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 501),
            new Refused("target-with-space-inside", "", "GET /echo HTTP/1.1 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
            new Refused("expect-unknown", "", POST + "Content-Length: 37\r\nExpect: 200-ok\r\n\r\n" + FOLLOW_UP, 417),
            new Refused("too-many-leading-empty-lines", "", "\r\n".repeat(5) + POST + "Content-Length: 0\r\n\r\n", 400));
    }

    public static List<Tolerated> tolerated() {
        String hello = "5\r\nhello\r\n0\r\n\r\n";
        return List.of(
            new Tolerated("te-lower-case-name", "POST /echo HTTP/1.1\r\nHost: x\r\ntransfer-encoding: chunked\r\n\r\n"
                    + hello, "hello"),
            new Tolerated("te-upper-case-value", POST + "Transfer-Encoding: CHUNKED\r\n\r\n" + hello, "hello"),
            new Tolerated("te-mixed-case-value", POST + "Transfer-Encoding: cHuNkEd\r\n\r\n" + hello, "hello"),
            new Tolerated("te-tab-before-value", POST + "Transfer-Encoding:\tchunked\r\n\r\n" + hello, "hello"),
            new Tolerated("te-no-space-before-value", POST + "Transfer-Encoding:chunked\r\n\r\n" + hello, "hello"),
            new Tolerated("te-trailing-whitespace", POST + "Transfer-Encoding: chunked \t\r\n\r\n" + hello, "hello"),
            new Tolerated("cl-surrounding-whitespace", POST + "Content-Length: \t5 \r\n\r\nhello", "hello"),
            new Tolerated("cl-leading-zeros", POST + "Content-Length: 005\r\n\r\nhello", "hello"),
            new Tolerated("chunk-size-leading-zeros", CHUNKED + "0005\r\nhello\r\n000\r\n\r\n", "hello"),
            new Tolerated("chunk-size-upper-hex", CHUNKED + "A\r\nhelloworld\r\n0\r\n\r\n", "helloworld"),
            new Tolerated("chunk-extensions", CHUNKED + "5 ; a = b ;c;d=\"e\\\"f; g\"\r\nhello\r\n0;z\r\n\r\n", "hello"),
            new Tolerated("chunk-trailers", CHUNKED + "5\r\nhello\r\n0\r\nX-Digest: abc\r\nX-Other:\r\n\r\n", "hello"),
            new Tolerated("chunked-limit-counts-decoded-bytes", "POST /small HTTP/1.1\r\nHost: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + "1;pad=xxxxxxxxxxxxxxxx\r\nx\r\n".repeat(16) + "0\r\n\r\n",
                    "x".repeat(16)),
            new Tolerated("leading-empty-lines", "\r\n\r\n" + POST + "Content-Length: 5\r\n\r\nhello", "hello"),
            new Tolerated("absolute-form-target", "POST http://x/echo HTTP/1.1\r\nHost: y\r\nContent-Length: 5\r\n\r\n"
                    + "hello", "hello"),
            new Tolerated("http10-keep-alive", "POST /echo HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 5\r\n\r\n"
                    + "hello", "hello"));
    }
}
